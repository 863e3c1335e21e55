/** Export (CSV/XLSX), backup and restore, and the backup reminder. */
export const exporting = {
  en: {
    exporting: {
      button: 'Export',
      menuLabel: 'Export this view',
      csv: 'CSV (Excel, any spreadsheet)',
      xlsx: 'Excel workbook (.xlsx)',
      working: 'Exporting…',
      done: 'Exported {{count}} rows to {{fileName}}',
      errors: {
        noView: 'There is no table view to export.',
        tooManyRows:
          'An Excel sheet holds at most 1,048,575 rows. Search to show fewer rows, or export CSV.',
        failed: 'The export failed: {{detail}}',
      },
      backup: {
        title: 'Backup',
        intro:
          'A backup file holds the whole workspace: every table, column, view, record and setting. Keep it somewhere safe (a USB stick, a cloud drive).',
        lastBackup: 'Last backup: {{when}}',
        never: 'This workspace has never been backed up.',
        now: 'Back up now',
        working: 'Backing up…',
        done: 'Backup saved as {{fileName}}',
        failed: 'The backup failed: {{detail}}',
        restore: 'Restore from a backup…',
        reading: 'Reading the backup…',
      },
      restore: {
        title: 'Restore a backup',
        summary:
          'Workspace “{{name}}”, backed up {{when}}: {{tables}} tables, {{records}} records.',
        asNew: 'Restore as a new workspace',
        asNewHint: 'Your current workspace stays as it is; the restored one opens.',
        newName: '{{name}} (backup of {{day}})',
        replace: 'Replace the current workspace…',
        replaceHint: 'Everything in the current workspace is replaced by the backup.',
        confirmTitle: 'Replace the current workspace?',
        confirmText:
          'Every table and record in “{{name}}” will be replaced by the backup. Changes made since the backup are lost. This cannot be undone.',
        confirmOk: 'Replace with the backup',
        working: 'Restoring…',
        done: 'The backup has been restored.',
        problems: {
          empty: 'The file is empty.',
          notBackup:
            'This file is not a Regulars backup. Choose a .regulars file made by Back up now.',
          newerVersion:
            'This backup was made by a newer version of Regulars. Reload the page to update, then try again.',
          corrupt:
            'The backup file is damaged: some of its contents do not make sense. Nothing was changed.',
          truncated:
            'The backup file is incomplete (it may have been cut off while copying). Nothing was changed.',
          unreadable: 'The file could not be read. Nothing was changed.',
          quota: 'There is not enough storage space to restore this backup. Nothing was changed.',
          saveFailed: 'The backup could not be restored: {{detail}}. Nothing was changed.',
        },
      },
      reminder: {
        text: 'Your last backup was more than a week ago. A backup file keeps your customers safe if this browser loses its data.',
        never:
          'This workspace has never been backed up. A backup file keeps your customers safe if this browser loses its data.',
        now: 'Back up now',
        later: 'Later',
      },
    },
  },
  'zh-CN': {
    exporting: {
      button: '导出',
      menuLabel: '导出当前视图',
      csv: 'CSV（Excel 等表格软件都能打开）',
      xlsx: 'Excel 工作簿（.xlsx）',
      working: '正在导出…',
      done: '已导出 {{count}} 行，文件名：{{fileName}}',
      errors: {
        noView: '没有可以导出的表格。',
        tooManyRows: 'Excel 一张表最多 1,048,575 行。可以先搜索减少行数，或者导出为 CSV。',
        failed: '导出失败：{{detail}}',
      },
      backup: {
        title: '备份',
        intro:
          '备份文件包含整个工作区：所有表格、列、视图、记录和设置。请把它存放在安全的地方，比如 U 盘或网盘。',
        lastBackup: '上次备份：{{when}}',
        never: '这个工作区还没有备份过。',
        now: '立即备份',
        working: '正在备份…',
        done: '备份已保存为 {{fileName}}',
        failed: '备份失败：{{detail}}',
        restore: '从备份恢复…',
        reading: '正在读取备份…',
      },
      restore: {
        title: '恢复备份',
        summary: '工作区“{{name}}”，备份于 {{when}}：共 {{tables}} 张表、{{records}} 条记录。',
        asNew: '恢复为新的工作区',
        asNewHint: '当前工作区保持不变，恢复出来的工作区会自动打开。',
        newName: '{{name}}（{{day}}的备份）',
        replace: '覆盖当前工作区…',
        replaceHint: '当前工作区的全部内容都会被备份替换。',
        confirmTitle: '确定覆盖当前工作区吗？',
        confirmText:
          '“{{name}}”里的所有表格和记录都会被备份内容替换，备份之后做的修改将会丢失，而且无法撤销。',
        confirmOk: '用备份覆盖',
        working: '正在恢复…',
        done: '备份已恢复。',
        problems: {
          empty: '这个文件是空的。',
          notBackup: '这不是回头客的备份文件。请选择用“立即备份”生成的 .regulars 文件。',
          newerVersion: '这个备份来自更新版本的回头客。请刷新页面更新后再试。',
          corrupt: '备份文件已损坏，部分内容无法识别。当前数据没有任何改动。',
          truncated: '备份文件不完整（可能复制时被中断了）。当前数据没有任何改动。',
          unreadable: '无法读取这个文件。当前数据没有任何改动。',
          quota: '存储空间不足，无法恢复这个备份。当前数据没有任何改动。',
          saveFailed: '恢复失败：{{detail}}。当前数据没有任何改动。',
        },
      },
      reminder: {
        text: '距离上次备份已经超过一周了。有了备份文件，即使浏览器数据丢失，客户资料也能找回来。',
        never: '这个工作区还没有备份过。有了备份文件，即使浏览器数据丢失，客户资料也能找回来。',
        now: '立即备份',
        later: '以后再说',
      },
    },
  },
};
