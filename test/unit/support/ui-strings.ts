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
  isBlock,
  isCallExpression,
  isCaseClause,
  isCatchClause,
  isConditionalExpression,
  isDefaultClause,
  isElementAccessExpression,
  isForInStatement,
  isForOfStatement,
  isForStatement,
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
  isMethodDeclaration,
  isModuleBlock,
  isNewExpression,
  isNonNullExpression,
  isNoSubstitutionTemplateLiteral,
  isObjectLiteralExpression,
  isParenthesizedExpression,
  isPropertyAccessExpression,
  isPropertyAssignment,
  isSatisfiesExpression,
  isShorthandPropertyAssignment,
  isSourceFile,
  isSpreadElement,
  isStringLiteral,
  isTemplateExpression,
  isVariableDeclaration,
  isVariableDeclarationList,
  isVariableStatement,
  NodeFlags,
  SyntaxKind,
  type CallExpression,
  type Expression,
  type Identifier,
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
/** Properties a reader sees when set from code (innerHTML and outerHTML: markup, but its text is shown). */
const VISIBLE_PROPERTIES = new Set([
  'textContent',
  'innerText',
  'innerHTML',
  'outerHTML',
  'nodeValue',
  'title',
  'placeholder',
  'alt',
  'ariaLabel',
  'ariaDescription',
]);
/** Calls whose arguments are shown: the option pages' status and error setters, notices, dialogs. */
const SHOWING_CALLS = new Set(['setErrors', 'setError', 'setStatus', 'setDone', 'addNotice', 'addNotices', 'alert', 'confirm', 'prompt']);
/** DOM methods that insert their arguments: a string argument becomes a text node. */
const INSERTING_CALLS = new Set(['append', 'prepend', 'replaceChildren', 'before', 'after', 'replaceWith']);
/** DOM methods whose argument at the given position is shown (as text, or markup whose text is shown). */
const TEXT_ARGUMENT: ReadonlyMap<string, number> = new Map([
  ['createTextNode', 0],
  ['insertAdjacentText', 1],
  ['insertAdjacentHTML', 1],
]);
/** What also has append(name, value) but is no element: its arguments are names and values, not text. */
const NOT_ELEMENTS = new Set(['URLSearchParams', 'FormData', 'Headers']);
const NOT_ELEMENT_PROPERTIES = new Set(['searchParams', 'headers']);
/** Elements whose text is code, not words: a stylesheet, a script. */
const CODE_ELEMENTS = new Set(['style', 'script']);
/** Browser API calls that take what they show in an object: action.setTitle, contextMenus.create/update, notifications.create. */
const API_CALLS = new Set(['setTitle', 'create', 'update']);
const API_PROPERTIES = new Set(['title', 'message']);
/** Properties that carry words to the reader: refusals, repairs, a subscription's last failure. */
const MESSAGE_PROPERTIES = new Set(['errors', 'problems', 'lastError', 'reason']);

/** The statements of a block-like node, where a `const` it declares can be found. */
function statementsOf(node: Node): readonly Node[] | undefined {
  if (isSourceFile(node) || isBlock(node) || isModuleBlock(node) || isCaseClause(node) || isDefaultClause(node)) return node.statements;
  return undefined;
}

/**
 * What `name` is bound to when a `const` in scope gives it a value: the nearest block up from the
 * identifier that declares it (a parameter, a `let` or a loop variable is not followed: its value is
 * not in the code).
 */
function constInitializer(name: Identifier): Expression | undefined {
  for (let at: Node | undefined = name.parent; at; at = at.parent) {
    if (isFunctionLike(at) && at.parameters.some((p) => isIdentifier(p.name) && p.name.text === name.text)) return undefined;
    if (declaresLoopOrCatchVariable(at, name.text)) return undefined;
    for (const statement of statementsOf(at) ?? []) {
      if (!isVariableStatement(statement)) continue;
      const declared = statement.declarationList.declarations.find((d) => isIdentifier(d.name) && d.name.text === name.text);
      if (declared) return statement.declarationList.flags & NodeFlags.Const ? declared.initializer : undefined;
    }
  }
  return undefined;
}

/** `for (const name of …)`, `for (let name = …; …)`, `catch (name)`: a variable whose value is not in the code. */
function declaresLoopOrCatchVariable(node: Node, name: string): boolean {
  const list = isForOfStatement(node) || isForInStatement(node) || isForStatement(node) ? node.initializer : isCatchClause(node) ? node.variableDeclaration : undefined;
  if (!list) return false;
  const declarations = isVariableDeclarationList(list) ? list.declarations : isVariableDeclaration(list) ? [list] : [];
  return declarations.some((d) => isIdentifier(d.name) && d.name.text === name);
}

const isFunctionLike = (node: Node) => isArrowFunction(node) || isFunctionExpression(node) || isFunctionDeclaration(node) || isMethodDeclaration(node);

/** `node`, or what the `const` it names holds (followed through further names). */
function resolved(node: Expression, seen: Set<Node> = new Set()): Expression {
  const inner = unwrap(node);
  if (!isIdentifier(inner) || seen.has(inner)) return inner;
  seen.add(inner);
  const initializer = constInitializer(inner);
  return initializer ? resolved(initializer, seen) : inner;
}

/**
 * Where the value of `node` comes from, as far as the code tells: the expression itself, either
 * branch of a condition, what `&&` / `||` / `??` yields, both sides of a `+`, the items of an array or
 * an object (errors per field), the substitutions given to t(), and the initialiser of a `const` it
 * names. Other calls are not entered: what they return is theirs to answer for.
 */
function origins(node: Expression, seen: Set<Node> = new Set()): Expression[] {
  if (seen.has(node)) return [];
  seen.add(node);
  const from = (next: Expression) => origins(next, seen);
  if (isParenthesizedExpression(node) || isAsExpression(node) || isNonNullExpression(node) || isSatisfiesExpression(node)) return from(node.expression);
  if (isConditionalExpression(node)) return [...from(node.whenTrue), ...from(node.whenFalse)];
  if (isArrayLiteralExpression(node)) return node.elements.flatMap((e) => from(isSpreadElement(e) ? e.expression : e));
  if (isObjectLiteralExpression(node)) {
    return node.properties.flatMap((p) => (isPropertyAssignment(p) ? from(p.initializer) : isShorthandPropertyAssignment(p) && isIdentifier(p.name) ? from(p.name) : []));
  }
  if (isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op === SyntaxKind.AmpersandAmpersandToken) return from(node.right);
    if (op === SyntaxKind.BarBarToken || op === SyntaxKind.QuestionQuestionToken || op === SyntaxKind.PlusToken) return [...from(node.left), ...from(node.right)];
    return [];
  }
  if (isCallExpression(node) && calleeName(node.expression) === 't') return node.arguments.slice(1).flatMap(from);
  if (isIdentifier(node)) {
    const initializer = constInitializer(node);
    if (initializer) return from(initializer);
  }
  return [node];
}

/** Literals that would reach the reader as they are, through `node`. */
function shown(node: Expression): Expression[] {
  return origins(node).filter((leaf) => {
    if (isStringLiteral(leaf) || isNoSubstitutionTemplateLiteral(leaf)) return LETTER.test(leaf.text);
    if (isTemplateExpression(leaf)) return [leaf.head.text, ...leaf.templateSpans.map((s) => s.literal.text)].some((text) => LETTER.test(text));
    return false;
  });
}

function attributeValue(attribute: JsxAttribute): Expression[] {
  const value = attribute.initializer;
  if (!value) return [];
  if (isStringLiteral(value)) return [value];
  if (isJsxExpression(value) && value.expression) return [value.expression];
  return [];
}

const attributeName = (attribute: JsxAttribute) => (isIdentifier(attribute.name) ? attribute.name.text : attribute.name.getText());

/** `<input type="submit" value="…">` and the like: a button's value is its label. */
function isButtonInput(attributes: readonly Node[]): boolean {
  return attributes.some(
    (a) => isJsxAttribute(a) && attributeName(a) === 'type' && !!a.initializer && isStringLiteral(a.initializer) && /^(button|submit|reset)$/.test(a.initializer.text),
  );
}

/** `<style>` / `<script>` in JSX: its text is code, not words. */
function isCodeInJsx(element: Node): boolean {
  return isJsxElement(element) && isIdentifier(element.openingElement.tagName) && CODE_ELEMENTS.has(element.openingElement.tagName.text);
}

/** An element made by createElement('style') or ('script'): its text is code, not words. */
function isCodeElement(element: Expression): boolean {
  const made = resolved(element);
  if (!isCallExpression(made) || calleeName(made.expression) !== 'createElement') return false;
  const tag = made.arguments[0];
  return !!tag && isStringLiteral(tag) && CODE_ELEMENTS.has(tag.text);
}

/** A URLSearchParams, FormData or Headers (by how it was made, or where it was read from): not an element. */
function isNotElement(target: Expression): boolean {
  const made = resolved(target);
  if (isNewExpression(made)) return NOT_ELEMENTS.has(calleeName(made.expression) ?? '');
  return isPropertyAccessExpression(made) && NOT_ELEMENT_PROPERTIES.has(made.name.text);
}

/** Functions of one file that show a parameter: its name, and which parameters (by position) are shown. */
type Helpers = ReadonlyMap<string, ReadonlySet<number>>;

/** The expressions `node` puts where a reader sees them, before they are followed to their literals. */
function showing(node: Node, helpers: Helpers): Expression[] {
  if (isJsxExpression(node) && node.expression && (isJsxElement(node.parent) || isJsxFragment(node.parent))) {
    return isCodeInJsx(node.parent) ? [] : [node.expression];
  }
  if (isJsxAttributes(node)) {
    const attributes = [...node.properties];
    return attributes.flatMap((attribute) => {
      if (!isJsxAttribute(attribute)) return [];
      const name = attributeName(attribute);
      return VISIBLE_ATTRIBUTES.has(name) || (name === 'value' && isButtonInput(attributes)) ? attributeValue(attribute) : [];
    });
  }
  if (isBinaryExpression(node) && node.operatorToken.kind === SyntaxKind.EqualsToken) {
    const target = node.left;
    const visible = isPropertyAccessExpression(target) && VISIBLE_PROPERTIES.has(target.name.text) && !isCodeElement(target.expression);
    return visible ? [node.right] : [];
  }
  if (isNewExpression(node)) {
    const name = calleeName(node.expression);
    const args = [...(node.arguments ?? [])];
    if (name === 'Refused') return args;
    return name === 'Text' && args[0] ? [args[0]] : [];
  }
  if (isCallExpression(node)) return showingArguments(node, helpers);
  if (isPropertyAssignment(node) && isIdentifier(node.name) && MESSAGE_PROPERTIES.has(node.name.text)) return [node.initializer];
  return [];
}

/** The arguments of a call that shows them: a setter of the option pages, a DOM method, a browser API, a helper of the file. */
function showingArguments(call: CallExpression, helpers: Helpers): Expression[] {
  const name = calleeName(call.expression);
  if (!name) return [];
  const args = [...call.arguments];
  const target = isPropertyAccessExpression(call.expression) ? call.expression.expression : undefined;
  const found: Expression[] = [];
  if (SHOWING_CALLS.has(name)) found.push(...args);
  if (INSERTING_CALLS.has(name) && target && !isNotElement(target)) found.push(...args);
  const position = TEXT_ARGUMENT.get(name);
  if (position !== undefined && args[position]) found.push(args[position]);
  if (name === 'setAttribute' && args[0] && isStringLiteral(args[0]) && VISIBLE_ATTRIBUTES.has(args[0].text) && args[1]) found.push(args[1]);
  if (name === 'push' && target && isIdentifier(target) && /^(errors|problems)$/.test(target.text)) found.push(...args);
  if (API_CALLS.has(name) && target) {
    for (const arg of args) {
      if (!isObjectLiteralExpression(arg)) continue;
      for (const property of arg.properties) {
        if (isPropertyAssignment(property) && isIdentifier(property.name) && API_PROPERTIES.has(property.name.text)) found.push(property.initializer);
      }
    }
  }
  for (const index of helpers.get(name) ?? []) if (args[index]) found.push(args[index]);
  return found;
}

/** The function that declares `name` as its parameter, by name, and the parameter's position. */
function parameterOf(name: Identifier): [string, number] | undefined {
  for (let at: Node | undefined = name.parent; at; at = at.parent) {
    if (!isFunctionLike(at)) continue;
    const index = at.parameters.findIndex((p) => isIdentifier(p.name) && p.name.text === name.text);
    if (index < 0) continue;
    if (isFunctionDeclaration(at)) return at.name ? [at.name.text, index] : undefined;
    if (isMethodDeclaration(at)) return isIdentifier(at.name) ? [at.name.text, index] : undefined;
    return isVariableDeclaration(at.parent) && isIdentifier(at.parent.name) ? [at.parent.name.text, index] : undefined;
  }
  return undefined;
}

/**
 * The file's own functions that show a parameter (`el(tag, className, text)` setting textContent to
 * text), found to a fixed point: a function that hands its parameter to such a helper shows it too.
 * Their callers' literals are then shown as any other.
 */
function showingHelpers(source: SourceFile): Helpers {
  const helpers = new Map<string, Set<number>>();
  const count = () => [...helpers.values()].reduce((n, set) => n + set.size, 0);
  for (let size = -1; size !== count(); ) {
    size = count();
    walk(source, (node) => {
      for (const leaf of showing(node, helpers).flatMap((expression) => origins(expression))) {
        const parameter = isIdentifier(leaf) ? parameterOf(leaf) : undefined;
        if (!parameter) continue;
        const [name, index] = parameter;
        helpers.set(name, (helpers.get(name) ?? new Set()).add(index));
      }
    });
  }
  return helpers;
}

/** Strings written into the code where a reader would see them, as "file:line: text", each once. */
export function hardCodedStrings(file: string, source: SourceFile): string[] {
  const helpers = showingHelpers(source);
  const found = new Set<Node>();
  walk(source, (node) => {
    if (isJsxText(node)) {
      if (LETTER.test(node.text)) found.add(node);
    } else {
      for (const literal of showing(node, helpers).flatMap(shown)) found.add(literal);
    }
  });
  return [...found]
    .filter((node) => !ignored(source, node))
    .sort((a, b) => a.getStart(source) - b.getStart(source))
    .map((node) => `${location(file, source, node)}: ${node.getText(source).trim().slice(0, 80)}`);
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
