import { useTranslations } from './src/lib/i18n/ui.ts';
console.log(useTranslations('zh-Hant')('agent.notice.missing', { lang: '英文', source: 'x' }), useTranslations('en')('nav.search'));
