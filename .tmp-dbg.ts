import { mentionsInSentence, sentences } from './src/lib/extract/mentions.ts';
console.log(sentences('Ask @code-reviewer and ux-designer/ui-designer for review'));
console.log(mentionsInSentence('Ask @code-reviewer and ux-designer / ui-designer for review', true));
console.log(mentionsInSentence('Ask code-reviewer and ux-designer for review', true));
