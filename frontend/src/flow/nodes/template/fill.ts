import { paramKey, templateParameters, type WaTemplate } from '../../../components/template/model';

/**
 * What a template node's card and preview show: the template's texts with
 * each placeholder replaced by the node's parameter (a text that may hold
 * {{attribute}} placeholders itself), in Go's parameter order.
 */
export function nodeValues(t: WaTemplate, parameters: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  templateParameters(t).forEach((p, i) => {
    out[paramKey(p)] = parameters[i] ?? '';
  });
  return out;
}

/** The template's body with the node's parameters in place of its placeholders. */
export function filledBody(t: WaTemplate, parameters: readonly string[]): string {
  const values = nodeValues(t, parameters);
  return t.body.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (whole, name: string) => {
    const v = values[`body.${name}`] ?? '';
    return v === '' ? whole : v;
  });
}

/** The node's parameters resized to the template's count, keeping what was typed. */
export function resizeParameters(t: WaTemplate, parameters: readonly string[]): string[] {
  return templateParameters(t).map((_, i) => parameters[i] ?? '');
}
