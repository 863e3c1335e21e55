/** Formula editor strings: problems with their position, the preview, result formats, functions. */
import { formulaFunctionsEn, formulaFunctionsZh } from './formulaFunctions';

export const formula = {
  en: {
    formula: {
      label: 'Formula',
      placeholder: '={Total spent} / {Visits}',
      hint: 'Type { for a field, or the first letters of a function.',
      completions: 'Suggestions',
      problems: {
        at: 'At character {{position}}: {{message}}',
        empty: 'Write a formula first.',
        unclosedReference: 'the field name has no closing }',
        unclosedString: 'the text has no closing quote (")',
        unexpectedBrace: 'a } without a matching {',
        unknownField: 'no field named “{{name}}”',
        deletedField: 'the field “{{name}}” has been deleted',
        ambiguousField: 'several fields are called “{{name}}”; type the name exactly',
        selfReference: 'a formula cannot use its own column “{{name}}”',
        cycle: 'This formula would make a loop: {{path}}.',
        syntax: 'The formula is not valid: {{message}}',
      },
      preview: {
        title: 'Preview of the first rows',
        record: 'Record',
        result: 'Result',
        noRows: 'The table has no rows to preview yet.',
      },
      format: {
        label: 'Show results as',
        auto: 'Automatic',
        number: 'Number',
        currency: 'Currency',
        percent: 'Percent',
        date: 'Date',
        text: 'Text',
      },
      functions: formulaFunctionsEn,
    },
  },
  'zh-CN': {
    formula: {
      label: '公式',
      placeholder: '={消费金额} / {消费次数}',
      hint: '输入 { 选择字段，或输入函数名的开头几个字母。',
      completions: '候选项',
      problems: {
        at: '第 {{position}} 个字符：{{message}}',
        empty: '请先填写公式。',
        unclosedReference: '字段名缺少右括号 }',
        unclosedString: '文本缺少右引号 "',
        unexpectedBrace: '多了一个 }，前面没有对应的 {',
        unknownField: '找不到字段“{{name}}”',
        deletedField: '字段“{{name}}”已被删除',
        ambiguousField: '有多个字段叫“{{name}}”，请输入完全一致的名称',
        selfReference: '公式不能引用本列“{{name}}”',
        cycle: '这个公式会造成循环引用：{{path}}',
        syntax: '公式有误：{{message}}',
      },
      preview: {
        title: '前几行的计算结果',
        record: '记录',
        result: '结果',
        noRows: '表里还没有数据可以预览。',
      },
      format: {
        label: '结果显示为',
        auto: '自动',
        number: '数字',
        currency: '货币',
        percent: '百分比',
        date: '日期',
        text: '文本',
      },
      functions: formulaFunctionsZh,
    },
  },
};
