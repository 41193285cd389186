// Links users can follow: the repository (from package.json, so there is one place to change if
// the project moves). The npm package ships neither docs/ nor the tests, so a rule's page and a
// source inside the repository are links to it, never paths.
import { repository } from '../../package.json';

export const REPO = repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

/** The rule's documentation page. */
export const ruleDocUrl = (id: string): string => `${REPO}/blob/main/docs/rules/${id}.md`;

/** A rule's or limit's source: a URL as it is, a path in the repository (README.md#x) as its URL. */
export const sourceUrl = (source: string): string => (/^https?:\/\//.test(source) ? source : `${REPO}/blob/main/${source}`);
