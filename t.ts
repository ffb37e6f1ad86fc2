import { useTranslations } from './src/lib/i18n/ui.ts';
console.log(useTranslations('en')('graph.collectionCount', { count: 1 }), useTranslations('en')('graph.collectionCount', { count: 3 }), useTranslations('zh-Hans')('graph.collectionCount', { count: 1 }));
