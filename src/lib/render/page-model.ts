import type { AgentEntry, LocalizedEntry } from '../schema.ts';
import { type Locale, LOCALE_TABLE, localeInfo } from '../locales.ts';
import type { Translate } from '../i18n/ui.ts';
import { agentPath, neutralAgentPath, rawPath, withBase } from './../routing/paths.ts';

/**
 * What an agent page displays, prepared from the agent data: the content for the page's locale,
 * the notice about where it came from, and the links. Components only display this.
 */

/** A notice shown above the content when it is not the original. */
export interface ContentNotice {
  kind: LocalizedEntry['status'];
  text: string;
  /** Link to the original-language page, when the content is not original. */
  originalHref?: string;
}

/** The model of one agent page. */
export interface AgentPageModel {
  locale: Locale;
  content: LocalizedEntry;
  notice?: ContentNotice;
  /** Links to the same agent in every locale, for the switcher and hreflang. */
  alternates: Array<{ locale: Locale; href: string }>;
  neutralHref: string;
  rawHref: string;
  /** File name the agent installs as. */
  installName: string;
}

/** Builds the page model for an agent in a locale. */
export function agentPageModel(agent: AgentEntry, locale: Locale, t: Translate, base: string): AgentPageModel {
  const content = agent.localized[locale];
  const langName = (l: Locale) => t(`lang.${l}` as 'lang.en');
  let notice: ContentNotice | undefined;
  const originalHref = withBase(base, agentPath(agent.sourceLang, agent.slug));
  if (content.status === 'missing') {
    notice = { kind: 'missing', text: t('agent.notice.missing', { lang: langName(locale), source: langName(agent.sourceLang) }) };
  } else if (content.status === 'outdated') {
    notice = { kind: 'outdated', text: t('agent.notice.outdated', { source: langName(agent.sourceLang) }), originalHref };
  } else if (content.status === 'converted') {
    notice = { kind: 'converted', text: t('agent.notice.converted', { source: langName(agent.sourceLang) }), originalHref };
  } else if (content.status === 'translated') {
    notice = { kind: 'translated', text: t('agent.notice.translated', { source: langName(agent.sourceLang) }), originalHref };
  }
  return {
    locale,
    content,
    notice,
    alternates: LOCALE_TABLE.map((l) => ({ locale: l.tag, href: withBase(base, agentPath(l.tag, agent.slug)) })),
    neutralHref: withBase(base, neutralAgentPath(agent.slug)),
    rawHref: withBase(base, rawPath(agent.slug)),
    installName: `${agent.slug.replace(/^.*\//, '')}.md`,
  };
}

/** The shell command that installs an agent file into a project's `.claude/agents/`. */
export function installCommand(rawUrl: string, installName: string): string {
  return `mkdir -p .claude/agents && curl -fsSL '${rawUrl.replace(/'/g, '%27')}' -o '.claude/agents/${installName.replace(/'/g, '')}'`;
}

/** The `lang` attribute value of a locale (its BCP-47 tag). */
export function htmlLang(locale: Locale): string {
  return localeInfo(locale).tag;
}
