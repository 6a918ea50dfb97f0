// 関連事業: owner (所管府省・部局名), 事業番号 and 事業名 of each related project.
import type { RelatedProject } from '../assemble/schema.js';
import { isLabel } from '../tokenize/labels.js';
import type { MatchContext } from './context.js';

const NUMBER = /^(?:新\d{2}-)?\d{1,4}$/;

export function matchRelatedProjects(ctx: MatchContext): RelatedProject[] {
  const header = ctx.first('relatedOwner');
  if (!header) return [];
  const scope = ctx.tokens.slice(Math.max(0, header.index - 30), header.index + 30).filter((t) => !isLabel(t));
  const out: RelatedProject[] = [];
  scope.forEach((t, i) => {
    if (!NUMBER.test(t.folded.replace('－', '-'))) return;
    const owner = scope[i - 1];
    const name = scope[i + 1];
    if (!owner || !name || owner.folded.length < 4 || name.folded.length < 4 || NUMBER.test(name.folded)) return;
    out.push({ owner: owner.text, projectNumber: t.folded.replace('－', '-'), name: name.text });
    ctx.trace(`relatedProjects[${out.length - 1}]`, owner, t, name);
  });
  return out;
}
