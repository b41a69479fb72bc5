// Reads the extension's source with the TypeScript compiler (TypeScript 7's API: the native compiler
// runs as a child process and hands over its syntax trees) to find (1) every key looked up in the
// locale files and (2) every string written into the code where a reader would see it.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  isArrayLiteralExpression,
  isArrowFunction,
  isAsExpression,
  isBinaryExpression,
  isCallExpression,
  isConditionalExpression,
  isElementAccessExpression,
  isFunctionDeclaration,
  isFunctionExpression,
  isIdentifier,
  isJsxAttribute,
  isJsxAttributes,
  isJsxElement,
  isJsxExpression,
  isJsxFragment,
  isJsxOpeningElement,
  isJsxSelfClosingElement,
  isJsxText,
  isNewExpression,
  isNoSubstitutionTemplateLiteral,
  isObjectLiteralExpression,
  isParenthesizedExpression,
  isPropertyAccessExpression,
  isPropertyAssignment,
  isStringLiteral,
  isTemplateExpression,
  isVariableDeclaration,
  SyntaxKind,
  type CallExpression,
  type Expression,
  type JsxAttribute,
  type Node,
  type SourceFile,
} from 'typescript/unstable/ast';
import { API } from 'typescript/unstable/sync';

export const ROOT = join(import.meta.dirname, '../../..');
export const SRC = join(ROOT, 'src');

export function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, pattern) : pattern.test(name) ? [path] : [];
  });
}

/** The syntax trees of the given files, as the project's tsconfig.json reads them. */
export function parse(files: readonly string[]): Map<string, SourceFile> {
  const api = new API({ cwd: ROOT });
  try {
    const project = api.updateSnapshot({ openProject: join(ROOT, 'tsconfig.json') }).getProjects()[0]!;
    return new Map(files.map((file) => [file, project.program.getSourceFile(file)!]));
  } finally {
    api.close();
  }
}

function walk(node: Node, visit: (node: Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

const calleeName = (expression: Expression): string | undefined =>
  isIdentifier(expression) ? expression.text : isPropertyAccessExpression(expression) ? expression.name.text : undefined;

export interface KeyUse {
  /** A key written out, or the fixed start of one put together at run time (`technique_${…}`). */
  key: string;
  dynamic: boolean;
  where: string;
}

/** The ways to look a key up: t() (src/shared/i18n.ts, and every Translate parameter named t), the browser's getMessage. */
const LOOKUPS = ['t', 'getMessage'];

const unwrap = (node: Expression): Expression => (isParenthesizedExpression(node) || isAsExpression(node) ? unwrap(node.expression) : node);

/** The named function that hands its parameter `name` on as a key: a lookup helper, whose callers name the keys. */
function helperPassing(node: Node, name: string): string | undefined {
  for (let at: Node | undefined = node.parent; at; at = at.parent) {
    if (isArrowFunction(at) || isFunctionExpression(at) || isFunctionDeclaration(at)) {
      if (!at.parameters.some((p) => isIdentifier(p.name) && p.name.text === name)) continue;
      if (isFunctionDeclaration(at)) return at.name?.text;
      return isVariableDeclaration(at.parent) && isIdentifier(at.parent.name) ? at.parent.name.text : undefined;
    }
  }
  return undefined;
}

/** The values of `name` when it is an object literal declared in this file (`LABELS[x]` may be any of them). */
function objectValues(source: SourceFile, name: string): Expression[] | undefined {
  let values: Expression[] | undefined;
  walk(source, (node) => {
    if (!isVariableDeclaration(node) || !isIdentifier(node.name) || node.name.text !== name || !node.initializer) return;
    const object = unwrap(node.initializer);
    if (isObjectLiteralExpression(object)) values = object.properties.flatMap((p) => (isPropertyAssignment(p) ? [unwrap(p.initializer)] : []));
  });
  return values;
}

function lookupCalls(source: SourceFile, lookups: ReadonlySet<string>, visit: (call: CallExpression, key: Expression) => void): void {
  walk(source, (node) => {
    if (!isCallExpression(node) || !node.arguments[0]) return;
    const name = calleeName(node.expression);
    if (name && lookups.has(name)) visit(node, unwrap(node.arguments[0]));
  });
}

/** t, getMessage, and every function that passes its parameter on to one of them as the key (found to a fixed point). */
export function lookupFunctions(sources: Iterable<SourceFile>): Set<string> {
  const lookups = new Set(LOOKUPS);
  for (let size = 0; size !== lookups.size; ) {
    size = lookups.size;
    for (const source of sources) {
      lookupCalls(source, lookups, (call, key) => {
        const helper = isIdentifier(key) ? helperPassing(call, key.text) : undefined;
        if (helper) lookups.add(helper);
      });
    }
  }
  return lookups;
}

/**
 * Keys given to a lookup function: written out, either branch of a condition, a template's fixed
 * start, every value of a table of this file indexed by a variable. A key the test cannot read (a
 * variable that is not a lookup helper's parameter) is reported with key "".
 */
export function keyUses(file: string, source: SourceFile, lookups: ReadonlySet<string>): KeyUse[] {
  const uses: KeyUse[] = [];
  const add = (call: CallExpression, node: Expression): void => {
    const where = location(file, source, node);
    if (isConditionalExpression(node)) return (add(call, unwrap(node.whenTrue)), add(call, unwrap(node.whenFalse)));
    if (isStringLiteral(node) || isNoSubstitutionTemplateLiteral(node)) return void uses.push({ key: node.text, dynamic: false, where });
    if (isTemplateExpression(node)) return void uses.push({ key: node.head.text, dynamic: true, where });
    if (isIdentifier(node) && helperPassing(call, node.text)) return; // its callers are read instead
    const table = isElementAccessExpression(node) && isIdentifier(node.expression) ? objectValues(source, node.expression.text) : undefined;
    if (table) return table.forEach((value) => add(call, value));
    uses.push({ key: '', dynamic: true, where });
  };
  lookupCalls(source, lookups, add);
  return uses;
}

const LETTER = /\p{L}/u;

/** Attributes and component props whose value a reader sees or hears. */
const VISIBLE_ATTRIBUTES = new Set([
  'title',
  'alt',
  'placeholder',
  'label',
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  // props of src/options/sections/Field.tsx
  'hint',
  'error',
]);
/** Properties a reader sees when set from code. */
const VISIBLE_PROPERTIES = new Set(['textContent', 'innerText', 'title', 'placeholder', 'alt', 'ariaLabel', 'ariaDescription']);
/** Calls whose arguments are shown: the option pages' status and error setters, notices, dialogs. */
const SHOWING_CALLS = new Set(['setErrors', 'setError', 'setStatus', 'setDone', 'addNotice', 'addNotices', 'alert', 'confirm', 'prompt']);
/** Browser API calls that take what they show in an object: action.setTitle, contextMenus.create/update, notifications.create. */
const API_CALLS = new Set(['setTitle', 'create', 'update']);
const API_PROPERTIES = new Set(['title', 'message']);
/** Properties that carry words to the reader: refusals, repairs, a subscription's last failure. */
const MESSAGE_PROPERTIES = new Set(['errors', 'problems', 'lastError', 'reason']);

/**
 * Literals in `node` that would reach the reader as they are: the expression itself, either branch of
 * a condition, what `&&` / `||` / `??` yields, both sides of a `+`, the items of an array or an
 * object (errors per field), and the substitutions given to t(). Other calls are not entered: what they return is theirs to answer for.
 */
function shown(node: Expression): Expression[] {
  if (isStringLiteral(node) || isNoSubstitutionTemplateLiteral(node)) return LETTER.test(node.text) ? [node] : [];
  if (isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].some((text) => LETTER.test(text)) ? [node] : [];
  if (isParenthesizedExpression(node) || isAsExpression(node)) return shown(node.expression);
  if (isConditionalExpression(node)) return [...shown(node.whenTrue), ...shown(node.whenFalse)];
  if (isArrayLiteralExpression(node)) return node.elements.flatMap(shown);
  if (isObjectLiteralExpression(node)) return node.properties.flatMap((p) => (isPropertyAssignment(p) ? shown(p.initializer) : []));
  if (isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op === SyntaxKind.AmpersandAmpersandToken) return shown(node.right);
    if (op === SyntaxKind.BarBarToken || op === SyntaxKind.QuestionQuestionToken || op === SyntaxKind.PlusToken) return [...shown(node.left), ...shown(node.right)];
    return [];
  }
  if (isCallExpression(node) && calleeName(node.expression) === 't') return node.arguments.slice(1).flatMap(shown);
  return [];
}

function attributeValue(attribute: JsxAttribute): Expression[] {
  const value = attribute.initializer;
  if (!value) return [];
  if (isStringLiteral(value)) return LETTER.test(value.text) ? [value] : [];
  if (isJsxExpression(value) && value.expression) return shown(value.expression);
  return [];
}

const attributeName = (attribute: JsxAttribute) => (isIdentifier(attribute.name) ? attribute.name.text : attribute.name.getText());

/** `<input type="submit" value="…">` and the like: a button's value is its label. */
function isButtonInput(attributes: readonly Node[]): boolean {
  return attributes.some(
    (a) => isJsxAttribute(a) && attributeName(a) === 'type' && !!a.initializer && isStringLiteral(a.initializer) && /^(button|submit|reset)$/.test(a.initializer.text),
  );
}

/** Strings written into the code where a reader would see them, as "file:line: text". */
export function hardCodedStrings(file: string, source: SourceFile): string[] {
  const found: Node[] = [];
  walk(source, (node) => {
    if (isJsxText(node)) {
      if (LETTER.test(node.text)) found.push(node);
    } else if (isJsxExpression(node) && node.expression && (isJsxElement(node.parent) || isJsxFragment(node.parent))) {
      found.push(...shown(node.expression));
    } else if (isJsxAttributes(node)) {
      const attributes = [...node.properties];
      for (const attribute of attributes) {
        if (!isJsxAttribute(attribute)) continue;
        const name = attributeName(attribute);
        if (VISIBLE_ATTRIBUTES.has(name) || (name === 'value' && isButtonInput(attributes))) found.push(...attributeValue(attribute));
      }
    } else if (isBinaryExpression(node) && node.operatorToken.kind === SyntaxKind.EqualsToken) {
      if (isPropertyAccessExpression(node.left) && VISIBLE_PROPERTIES.has(node.left.name.text)) found.push(...shown(node.right));
    } else if (isNewExpression(node)) {
      if (calleeName(node.expression) === 'Refused') found.push(...(node.arguments ?? []).flatMap(shown));
    } else if (isCallExpression(node)) {
      const name = calleeName(node.expression);
      const args = [...node.arguments];
      if (name && SHOWING_CALLS.has(name)) found.push(...args.flatMap(shown));
      if (name === 'setAttribute' && args[0] && isStringLiteral(args[0]) && VISIBLE_ATTRIBUTES.has(args[0].text) && args[1]) found.push(...shown(args[1]));
      const target = isPropertyAccessExpression(node.expression) ? node.expression.expression : undefined;
      if (name === 'push' && target && isIdentifier(target) && /^(errors|problems)$/.test(target.text)) found.push(...args.flatMap(shown));
      if (name && API_CALLS.has(name) && isPropertyAccessExpression(node.expression)) {
        for (const arg of args) {
          if (!isObjectLiteralExpression(arg)) continue;
          for (const property of arg.properties) {
            if (isPropertyAssignment(property) && isIdentifier(property.name) && API_PROPERTIES.has(property.name.text)) found.push(...shown(property.initializer));
          }
        }
      }
    } else if (isPropertyAssignment(node) && isIdentifier(node.name) && MESSAGE_PROPERTIES.has(node.name.text)) {
      found.push(...shown(node.initializer));
    }
  });
  return found.filter((node) => !ignored(source, node)).map((node) => `${location(file, source, node)}: ${node.getText(source).trim().slice(0, 80)}`);
}

/** `// i18n-ignore: why` (or `{/* i18n-ignore: why *\/}` in JSX) on the line of the string or the line before. */
function ignored(source: SourceFile, node: Node): boolean {
  const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
  const lines = source.text.split('\n');
  return [lines[line - 1], lines[line]].some((text) => /i18n-ignore: \S/.test(text ?? ''));
}

function location(file: string, source: SourceFile, node: Node): string {
  return `${relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
}
