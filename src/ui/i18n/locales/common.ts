export const common = {
  en: {
    app: { name: 'Regulars', tagline: 'Customer table' },
  },
  'zh-CN': {
    app: { name: '回头客', tagline: '客户表' },
  },
};
