/**
 * Tokens of streamsql's SQL dialect (ksqlDB's lexical structure), in Chevrotain style:
 * every keyword has `longer_alt: Identifier` so `selection` lexes as one identifier, keywords
 * match case-insensitively, and keywords ksqlDB treats as non-reserved carry the `NonReserved`
 * category so the parser's `identifier` rule accepts them as names (a column called KEY).
 *
 * Type names (INT, STRING, BIGINT, ...) are not keywords: as in ksqlDB, a base type is parsed as
 * an identifier, so they are valid column names for free. Departures from ksqlDB: TOPIC and
 * DECIMAL are non-reserved here (common column names, and unambiguous in our grammar).
 *
 * Malformed input (an unterminated string, quoted identifier or block comment) lexes into tokens
 * of the `invalid` group instead of failing, so parse.ts can report them with an exact span.
 */
import { createToken, Lexer, type TokenType } from 'chevrotain';

// ------------------------------------------------------------------ identifiers and categories

export const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z_][A-Za-z0-9_@]*/, label: 'identifier' });

/** Category of keywords usable as identifiers (ksqlDB's `nonReserved` rule, plus TOPIC and DECIMAL). */
export const NonReserved = createToken({ name: 'NonReserved', pattern: Lexer.NA, label: 'identifier' });

/**
 * Category of a type's parameter, ksqlDB's `typeParameter: INTEGER_VALUE | 'STRING'` (VARCHAR(10),
 * VARCHAR(STRING)): one token set, so a wrong parameter is a mismatch that expects the set.
 */
export const TypeParameter = createToken({ name: 'TypeParameter', pattern: Lexer.NA, label: 'type parameter' });

const keywordTokens: TokenType[] = [];
const nonReservedTokens: TokenType[] = [];

/** A keyword token: case-insensitive, and never the prefix of a longer identifier. */
function keyword(word: string, nonReserved = false, categories: TokenType[] = []): TokenType {
  const token = createToken({
    name: word,
    pattern: new RegExp(word, 'i'),
    longer_alt: Identifier,
    label: word,
    categories: nonReserved ? [NonReserved, ...categories] : categories,
  });
  keywordTokens.push(token);
  if (nonReserved) nonReservedTokens.push(token);
  return token;
}

// ------------------------------------------------------------------ reserved keywords

export const Select = keyword('SELECT');
export const From = keyword('FROM');
export const As = keyword('AS');
export const Distinct = keyword('DISTINCT');
export const Where = keyword('WHERE');
export const Limit = keyword('LIMIT');
export const Or = keyword('OR');
export const And = keyword('AND');
export const In = keyword('IN');
export const Not = keyword('NOT');
export const Exists = keyword('EXISTS');
export const Between = keyword('BETWEEN');
export const Like = keyword('LIKE');
export const Is = keyword('IS');
export const Null = keyword('NULL');
export const True = keyword('TRUE');
export const False = keyword('FALSE');
export const Case = keyword('CASE');
export const When = keyword('WHEN');
export const Then = keyword('THEN');
export const Else = keyword('ELSE');
export const End = keyword('END');
export const Cast = keyword('CAST');
export const With = keyword('WITH');
export const Values = keyword('VALUES');
export const Create = keyword('CREATE');
export const Table = keyword('TABLE');
export const Streams = keyword('STREAMS');
export const Stream = keyword('STREAM');
export const Insert = keyword('INSERT');
export const Delete = keyword('DELETE');
export const Into = keyword('INTO');
export const Describe = keyword('DESCRIBE');
export const Extended = keyword('EXTENDED');
export const Print = keyword('PRINT');
export const List = keyword('LIST');
export const Topics = keyword('TOPICS');
export const Queries = keyword('QUERIES');
export const Drop = keyword('DROP');
export const Unset = keyword('UNSET');
export const Run = keyword('RUN');
export const Script = keyword('SCRIPT');
export const Properties = keyword('PROPERTIES');
export const Beginning = keyword('BEGINNING');
// Reserved by ksqlDB for clauses we do not parse yet; reserving them now keeps `FROM t GROUP BY x`
// an error at GROUP instead of reading GROUP as an alias.
export const Group = keyword('GROUP');
export const By = keyword('BY');
export const Having = keyword('HAVING');
export const Window = keyword('WINDOW');
export const Within = keyword('WITHIN');
export const Join = keyword('JOIN');
export const On = keyword('ON');
export const Inner = keyword('INNER');
export const Left = keyword('LEFT');
export const Right = keyword('RIGHT');
export const Full = keyword('FULL');
export const Outer = keyword('OUTER');
export const All = keyword('ALL');
export const Terminate = keyword('TERMINATE');

// ------------------------------------------------------------------ non-reserved keywords

export const Show = keyword('SHOW', true);
export const Tables = keyword('TABLES', true);
export const Functions = keyword('FUNCTIONS', true);
export const Struct = keyword('STRUCT', true);
export const MapKw = keyword('MAP', true);
export const ArrayKw = keyword('ARRAY', true);
export const DecimalKw = keyword('DECIMAL', true);
export const Interval = keyword('INTERVAL', true);
export const Set = keyword('SET', true);
export const If = keyword('IF', true);
export const Source = keyword('SOURCE', true);
export const Primary = keyword('PRIMARY', true);
export const Key = keyword('KEY', true);
export const Emit = keyword('EMIT', true);
export const Changes = keyword('CHANGES', true);
export const Final = keyword('FINAL', true);
export const Escape = keyword('ESCAPE', true);
export const Replace = keyword('REPLACE', true);
export const Undefine = keyword('UNDEFINE', true);
export const Define = keyword('DEFINE', true);
export const Variables = keyword('VARIABLES', true);
export const Topic = keyword('TOPIC', true);
export const Partition = keyword('PARTITION', true);
export const Explain = keyword('EXPLAIN', true);
export const Headers = keyword('HEADERS', true);
export const Header = keyword('HEADER', true);
export const Alter = keyword('ALTER', true);
export const Add = keyword('ADD', true);
export const Column = keyword('COLUMN', true);
export const Pause = keyword('PAUSE', true);
export const Resume = keyword('RESUME', true);
export const Type = keyword('TYPE', true);
export const Types = keyword('TYPES', true);
export const Assert = keyword('ASSERT', true);
export const Timeout = keyword('TIMEOUT', true);
export const Schema = keyword('SCHEMA', true);
export const Subject = keyword('SUBJECT', true);
export const Id = keyword('ID', true);
/** A keyword only as a type parameter (VARCHAR(STRING)); type names themselves are identifiers. */
export const StringKw = keyword('STRING', true, [TypeParameter]);

// ------------------------------------------------------------------ literals

export const StringLiteral = createToken({ name: 'StringLiteral', pattern: /'(?:[^']|'')*'/, label: 'string', line_breaks: true });
/** `name` keeps its case; a doubled backtick stands for one backtick. */
export const BacktickIdentifier = createToken({ name: 'BacktickIdentifier', pattern: /`(?:[^`]|``)*`/, label: 'identifier', line_breaks: true });
/** ksqlDB's QUOTED_IDENTIFIER: "name" keeps its case like a backticked one. */
export const QuotedIdentifier = createToken({ name: 'QuotedIdentifier', pattern: /"(?:[^"]|"")*"/, label: 'identifier', line_breaks: true });
export const DoubleLiteral = createToken({
  name: 'DoubleLiteral',
  pattern: /(?:\d+(?:\.\d*)?|\.\d+)[eE][+-]?\d+/,
  label: 'number',
});
export const DecimalLiteral = createToken({ name: 'DecimalLiteral', pattern: /\d+\.\d*|\.\d+/, label: 'number' });
export const IntegerLiteral = createToken({ name: 'IntegerLiteral', pattern: /\d+/, label: 'number', categories: [TypeParameter] });

// ------------------------------------------------------------------ operators and punctuation

export const ComparisonOperator = createToken({ name: 'ComparisonOperator', pattern: Lexer.NA, label: 'comparison operator' });
export const AdditiveOperator = createToken({ name: 'AdditiveOperator', pattern: Lexer.NA, label: "'+' or '-'" });
export const MultiplicativeOperator = createToken({ name: 'MultiplicativeOperator', pattern: Lexer.NA, label: "'*', '/' or '%'" });

const punct = (name: string, text: string, categories: TokenType[] = []): TokenType =>
  createToken({ name, pattern: text, label: `'${text}'`, categories });

export const Concat = punct('Concat', '||');
export const Arrow = punct('Arrow', '->');
export const LambdaArrow = punct('LambdaArrow', '=>');
export const Assign = punct('Assign', ':=');
export const Lte = punct('Lte', '<=', [ComparisonOperator]);
export const Gte = punct('Gte', '>=', [ComparisonOperator]);
export const Neq = createToken({ name: 'Neq', pattern: /<>|!=/, label: "'<>'", categories: [ComparisonOperator] });
export const Lt = punct('Lt', '<', [ComparisonOperator]);
export const Gt = punct('Gt', '>', [ComparisonOperator]);
export const Eq = punct('Eq', '=', [ComparisonOperator]);
export const Plus = punct('Plus', '+', [AdditiveOperator]);
export const Minus = punct('Minus', '-', [AdditiveOperator]);
export const Star = punct('Star', '*', [MultiplicativeOperator]);
export const Slash = punct('Slash', '/', [MultiplicativeOperator]);
export const Percent = punct('Percent', '%', [MultiplicativeOperator]);
export const LParen = punct('LParen', '(');
export const RParen = punct('RParen', ')');
export const LBracket = punct('LBracket', '[');
export const RBracket = punct('RBracket', ']');
export const Comma = punct('Comma', ',');
export const Semicolon = punct('Semicolon', ';');
export const Dot = punct('Dot', '.');

// ------------------------------------------------------------------ skipped and invalid

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /\s+/, group: Lexer.SKIPPED, line_breaks: true });
export const COMMENTS_GROUP = 'comments';
export const LineComment = createToken({ name: 'LineComment', pattern: /--[^\r\n]*/, group: COMMENTS_GROUP });
export const BlockComment = createToken({ name: 'BlockComment', pattern: /\/\*[\s\S]*?\*\//, group: COMMENTS_GROUP, line_breaks: true });

/** Group name of tokens that are lexical errors; parse.ts turns each into a diagnostic. */
export const INVALID_GROUP = 'invalid';
export const UnterminatedString = createToken({ name: 'UnterminatedString', pattern: /'(?:[^']|'')*/, group: INVALID_GROUP, line_breaks: true });
export const UnterminatedBacktick = createToken({ name: 'UnterminatedBacktick', pattern: /`(?:[^`]|``)*/, group: INVALID_GROUP, line_breaks: true });
export const UnterminatedQuoted = createToken({ name: 'UnterminatedQuoted', pattern: /"(?:[^"]|"")*/, group: INVALID_GROUP, line_breaks: true });
export const UnterminatedComment = createToken({ name: 'UnterminatedComment', pattern: /\/\*[\s\S]*/, group: INVALID_GROUP, line_breaks: true });

export const NON_RESERVED_KEYWORDS: readonly TokenType[] = nonReservedTokens;
export const KEYWORDS: readonly TokenType[] = keywordTokens;

/** Lexer order: first match wins, so comments and longer operators precede their prefixes. */
export const allTokens: TokenType[] = [
  WhiteSpace,
  LineComment,
  BlockComment,
  UnterminatedComment,
  StringLiteral,
  UnterminatedString,
  BacktickIdentifier,
  UnterminatedBacktick,
  QuotedIdentifier,
  UnterminatedQuoted,
  DoubleLiteral,
  DecimalLiteral,
  IntegerLiteral,
  Concat,
  Arrow,
  LambdaArrow,
  Assign,
  Lte,
  Gte,
  Neq,
  Lt,
  Gt,
  Eq,
  Plus,
  Minus,
  Star,
  Slash,
  Percent,
  LParen,
  RParen,
  LBracket,
  RBracket,
  Comma,
  Semicolon,
  Dot,
  // Longest keyword first: `INSERT` must not lex as IN plus a longer_alt Identifier.
  ...[...keywordTokens].sort((a, b) => b.name.length - a.name.length),
  Identifier,
  // Categories (pattern NA) never match text, but the parser must know them.
  NonReserved,
  TypeParameter,
  ComparisonOperator,
  AdditiveOperator,
  MultiplicativeOperator,
];

/**
 * The one lexer instance (stateless between `tokenize` calls). src/sql maps offsets to
 * line/column itself (relative to the caller's base position); 'full' tracking is still needed
 * because only it records each token's endOffset, which CST node locations are built from.
 */
export const sqlLexer = new Lexer(allTokens, { positionTracking: 'full', ensureOptimizations: false });
