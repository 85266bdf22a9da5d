/**
 * The CstParser of streamsql's SQL dialect: grammar only, no semantic actions (Chevrotain
 * tutorial style). src/sql/ turns the CST into the AST. Rule structure follows ksqlDB's
 * SqlBase.g4; expression precedence is one rule per level, lowest first:
 *   OR < AND < NOT < predicate (comparison, IS NULL, LIKE, BETWEEN, IN) < || < + - < * / %
 *   < unary + - < postfix ([i], ->f) < primary.
 * Left-recursion is written as repetition; the AST builder folds the repeated operands left.
 *
 * One instance (`sqlParser`) is built at module load and reused: building runs Chevrotain's
 * grammar self-analysis, which is far too slow to repeat per statement.
 */
import { createToken, createTokenInstance, CstParser, EOF, Lexer, tokenMatcher, type IParserErrorMessageProvider, type TokenType, type IToken } from 'chevrotain';
import * as T from './lexer.js';
import { antlrTokenSet, expectedAtMismatch, isTokenLoop } from './antlr-expected.js';
import { expectingDetail, reservedKeywordMessage, unknownStatementMessage } from './ksql-wording.js';

/** Chevrotain lookahead depth; 3 tells `a.*` from `a.b`, 3 tells `IF NOT EXISTS` from a table named IF. */
const MAX_LOOKAHEAD = 4;

class SqlParser extends CstParser {
  constructor(errorMessageProvider: IParserErrorMessageProvider, validate: boolean) {
    super(T.allTokens, {
      maxLookahead: MAX_LOOKAHEAD,
      nodeLocationTracking: 'onlyOffset',
      recoveryEnabled: false,
      errorMessageProvider,
      skipValidations: !validate,
    });
    this.performSelfAnalysis();
  }

  // ---------------------------------------------------------------- statements

  /**
   * The entry rule: one statement and its `;` (optional on the last statement of a script).
   * parse.ts hands in one statement's tokens at a time, so an error names the `;` it stopped at.
   */
  singleStatement = this.RULE('singleStatement', () => {
    this.SUBRULE(this.statement);
    this.OPTION(() => this.CONSUME(T.Semicolon));
  });

  statement = this.RULE('statement', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.query) },
      { ALT: () => this.SUBRULE(this.createStatement) },
      { ALT: () => this.SUBRULE(this.dropStatement) },
      { ALT: () => this.SUBRULE(this.insertValues) },
      { ALT: () => this.SUBRULE(this.showStatement) },
      { ALT: () => this.SUBRULE(this.describeStatement) },
      { ALT: () => this.SUBRULE(this.setProperty) },
      { ALT: () => this.SUBRULE(this.unsetProperty) },
      { ALT: () => this.SUBRULE(this.defineVariable) },
      { ALT: () => this.SUBRULE(this.undefineVariable) },
      { ALT: () => this.SUBRULE(this.runScript) },
      { ALT: () => this.SUBRULE(this.printTopic) },
      { ALT: () => this.SUBRULE(this.terminateQuery) },
      { ALT: () => this.SUBRULE(this.pauseResumeQuery) },
      { ALT: () => this.SUBRULE(this.explainStatement) },
      { ALT: () => this.SUBRULE(this.alterSource) },
      { ALT: () => this.SUBRULE(this.assertStatement) },
    ]);
  });

  terminateQuery = this.RULE('terminateQuery', () => {
    this.CONSUME(T.Terminate);
    this.OR([{ ALT: () => this.CONSUME(T.All) }, { ALT: () => this.SUBRULE(this.identifier, { LABEL: 'queryId' }) }]);
  });

  /** PAUSE queryId | ALL, RESUME queryId | ALL (ksqlDB 0.29+). */
  pauseResumeQuery = this.RULE('pauseResumeQuery', () => {
    this.OR1([{ ALT: () => this.CONSUME(T.Pause, { LABEL: 'action' }) }, { ALT: () => this.CONSUME(T.Resume, { LABEL: 'action' }) }]);
    this.OR2([{ ALT: () => this.CONSUME(T.All) }, { ALT: () => this.SUBRULE(this.identifier, { LABEL: 'queryId' }) }]);
  });

  explainStatement = this.RULE('explainStatement', () => {
    this.CONSUME(T.Explain);
    this.OR([{ ALT: () => this.SUBRULE(this.query) }, { ALT: () => this.SUBRULE(this.identifier, { LABEL: 'queryId' }) }]);
  });

  /**
   * CREATE and DROP take their object kind second; one rule per verb keeps LL(1) at the verb, so
   * `DROP pageviews` is an error at `pageviews`, not at DROP.
   */
  createStatement = this.RULE('createStatement', () => {
    this.CONSUME(T.Create);
    this.OR([{ ALT: () => this.SUBRULE(this.createSource) }, { ALT: () => this.SUBRULE(this.createType) }]);
  });

  dropStatement = this.RULE('dropStatement', () => {
    this.CONSUME(T.Drop);
    this.OR([{ ALT: () => this.SUBRULE(this.dropSource) }, { ALT: () => this.SUBRULE(this.dropType) }]);
  });

  createSource = this.RULE('createSource', () => {
    this.OPTION(() => {
      this.CONSUME(T.Or);
      this.CONSUME(T.Replace);
    });
    this.OPTION2(() => this.CONSUME(T.Source));
    this.SUBRULE(this.sourceType);
    this.OPTION3(() => {
      this.CONSUME(T.If);
      this.CONSUME(T.Not);
      this.CONSUME(T.Exists);
    });
    this.SUBRULE(this.identifier, { LABEL: 'name' });
    this.OPTION4(() => this.SUBRULE(this.tableElements));
    this.OPTION5(() => {
      this.CONSUME(T.With);
      this.SUBRULE(this.tableProperties);
    });
    // CREATE STREAM|TABLE ... AS SELECT; cst-to-ast rejects column lists and SOURCE with it.
    this.OPTION6(() => {
      this.CONSUME(T.As);
      this.SUBRULE(this.query);
    });
  });

  /** (CREATE) TYPE [IF NOT EXISTS] name AS type: a named alias for a type (ksqlDB's custom types). */
  createType = this.RULE('createType', () => {
    this.CONSUME(T.Type);
    this.OPTION(() => {
      this.CONSUME(T.If);
      this.CONSUME(T.Not);
      this.CONSUME(T.Exists);
    });
    this.SUBRULE(this.identifier, { LABEL: 'name' });
    this.CONSUME(T.As);
    this.SUBRULE(this.type);
  });

  /** (DROP) TYPE [IF EXISTS] name */
  dropType = this.RULE('dropType', () => {
    this.CONSUME(T.Type);
    this.OPTION(() => {
      this.CONSUME(T.If);
      this.CONSUME(T.Exists);
    });
    this.SUBRULE(this.identifier, { LABEL: 'name' });
  });

  /** ALTER STREAM|TABLE name ADD [COLUMN] c type [, ADD [COLUMN] c type ...] */
  alterSource = this.RULE('alterSource', () => {
    this.CONSUME(T.Alter);
    this.SUBRULE(this.sourceType);
    this.SUBRULE(this.identifier, { LABEL: 'name' });
    this.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        this.CONSUME(T.Add);
        this.OPTION(() => this.CONSUME(T.Column));
        this.SUBRULE(this.alterColumn);
      },
    });
  });

  alterColumn = this.RULE('alterColumn', () => {
    this.SUBRULE(this.identifier, { LABEL: 'name' });
    this.SUBRULE(this.type);
  });

  sourceType = this.RULE('sourceType', () => {
    this.OR([{ ALT: () => this.CONSUME(T.Stream) }, { ALT: () => this.CONSUME(T.Table) }]);
  });

  tableElements = this.RULE('tableElements', () => {
    this.CONSUME(T.LParen);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.tableElement) });
    this.CONSUME(T.RParen);
  });

  tableElement = this.RULE('tableElement', () => {
    this.SUBRULE(this.identifier, { LABEL: 'name' });
    this.SUBRULE(this.type);
    this.OPTION(() =>
      this.OR([
        {
          ALT: () => {
            this.OPTION2(() => this.CONSUME(T.Primary));
            this.CONSUME(T.Key);
          },
        },
        // Columns read from the record's headers: all of them, or the last one with a key.
        { ALT: () => this.CONSUME(T.Headers) },
        {
          ALT: () => {
            this.CONSUME(T.Header);
            this.CONSUME(T.LParen);
            this.CONSUME(T.StringLiteral, { LABEL: 'headerKey' });
            this.CONSUME(T.RParen);
          },
        },
      ]),
    );
  });

  tableProperties = this.RULE('tableProperties', () => {
    this.CONSUME(T.LParen);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.tableProperty) });
    this.CONSUME(T.RParen);
  });

  tableProperty = this.RULE('tableProperty', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.identifier, { LABEL: 'name' }) },
      { ALT: () => this.CONSUME(T.StringLiteral, { LABEL: 'quotedName' }) },
    ]);
    this.CONSUME(T.Eq);
    this.SUBRULE(this.constant);
  });

  dropSource = this.RULE('dropSource', () => {
    this.SUBRULE(this.sourceType);
    this.OPTION(() => {
      this.CONSUME(T.If);
      this.CONSUME(T.Exists);
    });
    this.SUBRULE(this.identifier, { LABEL: 'name' });
    this.OPTION2(() => {
      this.CONSUME(T.Delete);
      this.CONSUME(T.Topic);
    });
  });

  insertValues = this.RULE('insertValues', () => {
    this.CONSUME(T.Insert);
    this.CONSUME(T.Into);
    this.SUBRULE(this.identifier, { LABEL: 'target' });
    this.OR([
      {
        ALT: () => {
          this.OPTION(() => {
            this.CONSUME(T.LParen);
            this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE2(this.identifier, { LABEL: 'columns' }) });
            this.CONSUME(T.RParen);
          });
          this.CONSUME(T.Values);
          this.CONSUME2(T.LParen);
          this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.expression, { LABEL: 'values' }) });
          this.CONSUME2(T.RParen);
        },
      },
      {
        ALT: () => {
          this.OPTION2(() => {
            this.CONSUME(T.With);
            this.SUBRULE(this.tableProperties);
          });
          this.SUBRULE(this.query);
        },
      },
    ]);
  });

  query = this.RULE('query', () => {
    this.CONSUME(T.Select);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.selectItem) });
    this.CONSUME(T.From);
    this.SUBRULE(this.relation);
    this.MANY(() => this.SUBRULE(this.joinClause));
    this.OPTION(() => this.SUBRULE(this.windowExpression));
    this.OPTION2(() => {
      this.CONSUME(T.Where);
      this.SUBRULE(this.expression, { LABEL: 'where' });
    });
    this.OPTION3(() => {
      this.CONSUME(T.Group);
      this.CONSUME(T.By);
      this.SUBRULE(this.groupBy);
    });
    this.OPTION4(() => {
      this.CONSUME(T.Partition);
      this.CONSUME2(T.By);
      this.OR2([
        {
          // `PARTITION BY ()`: parsed so the analyzer can say that an expression is required.
          GATE: () => this.LA(1).tokenType === T.LParen && this.LA(2).tokenType === T.RParen,
          ALT: () => {
            this.CONSUME(T.LParen, { LABEL: 'emptyPartitionBy' });
            this.CONSUME(T.RParen);
          },
          IGNORE_AMBIGUITIES: true,
        },
        { ALT: () => this.AT_LEAST_ONE_SEP2({ SEP: T.Comma, DEF: () => this.SUBRULE(this.concatExpression, { LABEL: 'partitionBy' }) }) },
      ]);
    });
    this.OPTION5(() => {
      this.CONSUME(T.Having);
      this.SUBRULE3(this.expression, { LABEL: 'having' });
    });
    this.OPTION6(() => {
      this.CONSUME(T.Emit);
      this.OR([{ ALT: () => this.CONSUME(T.Changes) }, { ALT: () => this.CONSUME(T.Final) }]);
    });
    this.OPTION7(() => {
      this.CONSUME(T.Limit);
      this.SUBRULE(this.signedNumber, { LABEL: 'limit' });
    });
  });

  /**
   * `GROUP BY a, b` or `GROUP BY (a, b)`; `GROUP BY (a)` is the parenthesized expression a. Items
   * are value expressions, as in ksqlDB's grammar: `GROUP BY a AND b` is a syntax error, `(a AND b)` is not.
   */
  groupBy = this.RULE('groupBy', () => {
    this.OR([
      {
        GATE: () => this.parenthesizedList(),
        ALT: () => {
          this.CONSUME(T.LParen);
          this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.concatExpression, { LABEL: 'items' }) });
          this.CONSUME(T.RParen);
        },
        IGNORE_AMBIGUITIES: true,
      },
      { ALT: () => this.AT_LEAST_ONE_SEP2({ SEP: T.Comma, DEF: () => this.SUBRULE2(this.concatExpression, { LABEL: 'items' }) }) },
    ]);
  });

  /** Whether the next tokens are `( x , ... )`: a comma at depth 1 before the matching `)`. */
  private parenthesizedList(): boolean {
    if (this.LA(1).tokenType !== T.LParen) return false;
    let depth = 0;
    for (let i = 1; ; i++) {
      const t = this.LA(i).tokenType;
      if (t === EOF || t === T.Semicolon) return false;
      if (t === T.LParen || t === T.LBracket) depth++;
      else if (t === T.RParen || t === T.RBracket) {
        depth--;
        if (depth === 0) return false;
      } else if (t === T.Comma && depth === 1) return true;
    }
  }

  joinClause = this.RULE('joinClause', () => {
    this.OPTION(() =>
      this.OR([
        { ALT: () => this.CONSUME(T.Inner, { LABEL: 'joinType' }) },
        {
          ALT: () => {
            this.OR2([
              { ALT: () => this.CONSUME(T.Left, { LABEL: 'joinType' }) },
              { ALT: () => this.CONSUME(T.Right, { LABEL: 'joinType' }) },
              { ALT: () => this.CONSUME(T.Full, { LABEL: 'joinType' }) },
            ]);
            this.OPTION2(() => this.CONSUME(T.Outer));
          },
        },
      ]),
    );
    this.CONSUME(T.Join);
    this.SUBRULE(this.relation);
    this.OPTION3(() => {
      this.CONSUME(T.Within);
      this.OR3([
        {
          ALT: () => {
            this.CONSUME(T.LParen);
            this.SUBRULE(this.duration, { LABEL: 'before' });
            this.CONSUME(T.Comma);
            this.SUBRULE2(this.duration, { LABEL: 'after' });
            this.CONSUME(T.RParen);
          },
        },
        { ALT: () => this.SUBRULE3(this.duration, { LABEL: 'within' }) },
      ]);
      this.OPTION4(() => {
        this.SUBRULE(this.identifier, { LABEL: 'grace' });
        this.SUBRULE2(this.identifier, { LABEL: 'period' });
        this.SUBRULE4(this.duration, { LABEL: 'graceDuration' });
      });
    });
    this.CONSUME(T.On);
    this.SUBRULE(this.expression, { LABEL: 'on' });
  });

  /** `n UNIT`: the unit (MILLISECONDS ... DAYS) is checked when the AST is built. */
  duration = this.RULE('duration', () => {
    this.SUBRULE(this.signedNumber, { LABEL: 'amount' });
    this.SUBRULE(this.identifier, { LABEL: 'unit' });
  });

  windowExpression = this.RULE('windowExpression', () => {
    this.CONSUME(T.Window);
    // ksqlDB accepts (and ignores) a name before the window type: WINDOW w1 TUMBLING (...).
    this.OPTION({ GATE: () => this.LA(2).tokenType !== T.LParen, DEF: () => this.SUBRULE2(this.identifier, { LABEL: 'windowName' }) });
    this.SUBRULE(this.identifier, { LABEL: 'windowType' });
    this.CONSUME(T.LParen);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.windowParam) });
    this.CONSUME(T.RParen);
  });

  /** SIZE d | ADVANCE BY d | RETENTION d | GRACE PERIOD d | d (a session's gap). */
  windowParam = this.RULE('windowParam', () => {
    this.OPTION(() => {
      this.SUBRULE(this.identifier, { LABEL: 'name' });
      this.OPTION2(() =>
        this.OR([{ ALT: () => this.CONSUME(T.By) }, { ALT: () => this.SUBRULE2(this.identifier, { LABEL: 'name2' }) }]),
      );
    });
    this.SUBRULE(this.duration);
  });

  selectItem = this.RULE('selectItem', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Star) },
      {
        ALT: () => {
          this.SUBRULE(this.identifier, { LABEL: 'source' });
          this.CONSUME(T.Dot);
          this.CONSUME2(T.Star);
        },
      },
      {
        ALT: () => {
          this.SUBRULE(this.expression);
          this.OPTION(() =>
            this.OR2([
              {
                // `s->*`: every field of a struct, each as a column (postfixExpression leaves `->*` to us).
                ALT: () => {
                  this.CONSUME(T.Arrow, { LABEL: 'structAll' });
                  this.CONSUME3(T.Star);
                },
              },
              {
                ALT: () => {
                  this.OPTION2(() => this.CONSUME(T.As));
                  this.SUBRULE2(this.identifier, { LABEL: 'alias' });
                },
              },
            ]),
          );
        },
      },
    ]);
  });

  relation = this.RULE('relation', () => {
    this.SUBRULE(this.identifier, { LABEL: 'name' });
    // EMIT and PARTITION are non-reserved, so `FROM t EMIT CHANGES` / `FROM t PARTITION BY x`
    // would otherwise read them as an alias.
    this.OPTION({
      GATE: () => {
        const [a, b] = [this.LA(1).tokenType, this.LA(2).tokenType];
        return !((a === T.Emit && (b === T.Changes || b === T.Final)) || (a === T.Partition && b === T.By));
      },
      DEF: () => {
        this.OPTION2(() => this.CONSUME(T.As));
        this.SUBRULE2(this.identifier, { LABEL: 'alias' });
      },
    });
  });

  showStatement = this.RULE('showStatement', () => {
    this.OR([{ ALT: () => this.CONSUME(T.Show) }, { ALT: () => this.CONSUME(T.List) }]);
    this.OR2([
      { ALT: () => this.CONSUME(T.Streams, { LABEL: 'what' }) },
      { ALT: () => this.CONSUME(T.Tables, { LABEL: 'what' }) },
      { ALT: () => this.CONSUME(T.Topics, { LABEL: 'what' }) },
      { ALT: () => this.CONSUME(T.Queries, { LABEL: 'what' }) },
      { ALT: () => this.CONSUME(T.Properties, { LABEL: 'what' }) },
      { ALT: () => this.CONSUME(T.Functions, { LABEL: 'what' }) },
      { ALT: () => this.CONSUME(T.Variables, { LABEL: 'what' }) },
      { ALT: () => this.CONSUME(T.Types, { LABEL: 'what' }) },
    ]);
    this.OPTION(() => this.CONSUME(T.Extended));
  });

  describeStatement = this.RULE('describeStatement', () => {
    this.CONSUME(T.Describe);
    // ksqlDB writes `DESCRIBE name EXTENDED`; `DESCRIBE EXTENDED name` is accepted too.
    this.OPTION(() => this.CONSUME(T.Extended));
    this.SUBRULE(this.identifier, { LABEL: 'name' });
    this.OPTION2(() => this.CONSUME2(T.Extended));
  });

  setProperty = this.RULE('setProperty', () => {
    this.CONSUME(T.Set);
    this.CONSUME(T.StringLiteral, { LABEL: 'name' });
    this.CONSUME(T.Eq);
    this.CONSUME2(T.StringLiteral, { LABEL: 'value' });
  });

  unsetProperty = this.RULE('unsetProperty', () => {
    this.CONSUME(T.Unset);
    this.CONSUME(T.StringLiteral, { LABEL: 'name' });
  });

  defineVariable = this.RULE('defineVariable', () => {
    this.CONSUME(T.Define);
    this.SUBRULE(this.identifier, { LABEL: 'name' });
    this.CONSUME(T.Eq);
    this.CONSUME(T.StringLiteral, { LABEL: 'value' });
  });

  undefineVariable = this.RULE('undefineVariable', () => {
    this.CONSUME(T.Undefine);
    this.SUBRULE(this.identifier, { LABEL: 'name' });
  });

  runScript = this.RULE('runScript', () => {
    this.CONSUME(T.Run);
    this.CONSUME(T.Script);
    this.CONSUME(T.StringLiteral, { LABEL: 'path' });
  });

  /** A topic named by an identifier (case kept) or a quoted string. */
  topicName = this.RULE('topicName', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.StringLiteral, { LABEL: 'quotedTopic' }) },
      { ALT: () => this.SUBRULE(this.identifier, { LABEL: 'topic' }) },
    ]);
  });

  /**
   * ASSERT [NOT EXISTS] TOPIC name [WITH (...)] [TIMEOUT duration] (ksqlDB 0.27+), or
   * ASSERT [NOT EXISTS] SCHEMA [SUBJECT name] [ID literal] [TIMEOUT duration].
   */
  assertStatement = this.RULE('assertStatement', () => {
    this.CONSUME(T.Assert);
    this.OPTION(() => {
      this.CONSUME(T.Not);
      this.CONSUME(T.Exists);
    });
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Topic);
          this.SUBRULE(this.topicName);
          this.OPTION2(() => {
            this.CONSUME(T.With);
            this.SUBRULE(this.tableProperties);
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Schema);
          this.OPTION4(() => {
            this.CONSUME(T.Subject);
            this.SUBRULE2(this.topicName, { LABEL: 'subject' });
          });
          this.OPTION5(() => {
            this.CONSUME(T.Id);
            this.SUBRULE(this.literal, { LABEL: 'id' });
          });
        },
      },
    ]);
    this.OPTION3(() => {
      this.CONSUME(T.Timeout);
      this.SUBRULE(this.duration);
    });
  });

  printTopic = this.RULE('printTopic', () => {
    this.CONSUME(T.Print);
    this.SUBRULE(this.topicName);
    this.OPTION(() => {
      this.CONSUME(T.From);
      this.CONSUME(T.Beginning);
    });
    this.OPTION2(() => {
      this.CONSUME(T.Interval);
      this.SUBRULE(this.signedNumber, { LABEL: 'interval' });
    });
    this.OPTION3(() => {
      this.CONSUME(T.Limit);
      this.SUBRULE2(this.signedNumber, { LABEL: 'limit' });
    });
  });

  // ---------------------------------------------------------------- types

  type = this.RULE('type', () => {
    this.OR([
      {
        GATE: () => this.LA(2).tokenType === T.Lt,
        ALT: () => {
          this.CONSUME(T.ArrayKw);
          this.CONSUME(T.Lt);
          this.SUBRULE(this.type, { LABEL: 'element' });
          this.CONSUME(T.Gt);
        },
        IGNORE_AMBIGUITIES: true,
      },
      {
        GATE: () => this.LA(2).tokenType === T.Lt,
        ALT: () => {
          this.CONSUME(T.MapKw);
          this.CONSUME2(T.Lt);
          this.SUBRULE2(this.type, { LABEL: 'key' });
          this.CONSUME(T.Comma);
          this.SUBRULE3(this.type, { LABEL: 'value' });
          this.CONSUME2(T.Gt);
        },
        IGNORE_AMBIGUITIES: true,
      },
      {
        GATE: () => this.LA(2).tokenType === T.Lt,
        ALT: () => {
          this.CONSUME(T.Struct);
          this.CONSUME3(T.Lt);
          this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.structFieldType) });
          this.CONSUME3(T.Gt);
        },
        IGNORE_AMBIGUITIES: true,
      },
      {
        // `STRUCT<>` lexes as STRUCT followed by the `<>` operator.
        GATE: () => this.LA(2).tokenType === T.Neq,
        ALT: () => {
          this.CONSUME2(T.Struct);
          this.CONSUME(T.Neq, { LABEL: 'emptyStruct' });
        },
        IGNORE_AMBIGUITIES: true,
      },
      {
        GATE: () => this.LA(2).tokenType === T.LParen,
        ALT: () => {
          this.CONSUME(T.DecimalKw);
          this.CONSUME(T.LParen);
          this.SUBRULE(this.signedNumber, { LABEL: 'precision' });
          this.CONSUME2(T.Comma);
          this.SUBRULE2(this.signedNumber, { LABEL: 'scale' });
          this.CONSUME(T.RParen);
        },
        IGNORE_AMBIGUITIES: true,
      },
      {
        ALT: () => {
          this.SUBRULE(this.identifier, { LABEL: 'name' });
          // ksqlDB's `baseType ('(' typeParameter (',' typeParameter)* ')')?`: VARCHAR(STRING), VARCHAR(10).
          this.OPTION(() => {
            this.CONSUME2(T.LParen);
            this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.CONSUME(T.TypeParameter, { LABEL: 'typeParameter' }) });
            this.CONSUME2(T.RParen);
          });
        },
        IGNORE_AMBIGUITIES: true,
      },
    ]);
  });

  structFieldType = this.RULE('structFieldType', () => {
    this.SUBRULE(this.identifier, { LABEL: 'name' });
    this.SUBRULE(this.type);
  });

  // ---------------------------------------------------------------- expressions

  expression = this.RULE('expression', () => {
    this.SUBRULE(this.orExpression);
  });

  orExpression = this.RULE('orExpression', () => {
    this.SUBRULE(this.andExpression, { LABEL: 'operands' });
    this.MANY(() => {
      this.CONSUME(T.Or);
      this.SUBRULE2(this.andExpression, { LABEL: 'operands' });
    });
  });

  andExpression = this.RULE('andExpression', () => {
    this.SUBRULE(this.notExpression, { LABEL: 'operands' });
    this.MANY(() => {
      this.CONSUME(T.And);
      this.SUBRULE2(this.notExpression, { LABEL: 'operands' });
    });
  });

  notExpression = this.RULE('notExpression', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Not);
          this.SUBRULE(this.notExpression);
        },
      },
      { ALT: () => this.SUBRULE(this.predicated) },
    ]);
  });

  /** A value expression with at most one predicate: ksqlDB rejects `a = b = c`. */
  predicated = this.RULE('predicated', () => {
    this.SUBRULE(this.concatExpression, { LABEL: 'operand' });
    this.OPTION(() => {
      this.OR([
        {
          ALT: () => {
            this.CONSUME(T.ComparisonOperator);
            this.SUBRULE2(this.concatExpression, { LABEL: 'right' });
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Is);
            this.OPTION2(() => this.CONSUME(T.Not));
            this.OR3([
              { ALT: () => this.CONSUME(T.Null) },
              {
                ALT: () => {
                  this.CONSUME(T.Distinct);
                  this.CONSUME(T.From);
                  this.SUBRULE6(this.concatExpression, { LABEL: 'distinctFrom' });
                },
              },
            ]);
          },
        },
        {
          ALT: () => {
            this.OPTION3(() => this.CONSUME2(T.Not));
            this.OR2([
              {
                ALT: () => {
                  this.CONSUME(T.Between);
                  this.SUBRULE3(this.concatExpression, { LABEL: 'low' });
                  this.CONSUME(T.And);
                  this.SUBRULE4(this.concatExpression, { LABEL: 'high' });
                },
              },
              {
                ALT: () => {
                  this.CONSUME(T.Like);
                  this.SUBRULE5(this.concatExpression, { LABEL: 'pattern' });
                  this.OPTION4(() => {
                    this.CONSUME(T.Escape);
                    this.CONSUME(T.StringLiteral, { LABEL: 'escape' });
                  });
                },
              },
              {
                ALT: () => {
                  this.CONSUME(T.In);
                  this.CONSUME(T.LParen);
                  this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.expression, { LABEL: 'list' }) });
                  this.CONSUME(T.RParen);
                },
              },
            ]);
          },
        },
      ]);
    });
  });

  concatExpression = this.RULE('concatExpression', () => {
    this.SUBRULE(this.additiveExpression, { LABEL: 'operands' });
    this.MANY(() => {
      this.CONSUME(T.Concat);
      this.SUBRULE2(this.additiveExpression, { LABEL: 'operands' });
    });
  });

  additiveExpression = this.RULE('additiveExpression', () => {
    this.SUBRULE(this.multiplicativeExpression, { LABEL: 'operands' });
    this.MANY(() => {
      this.CONSUME(T.AdditiveOperator);
      this.SUBRULE2(this.multiplicativeExpression, { LABEL: 'operands' });
    });
  });

  multiplicativeExpression = this.RULE('multiplicativeExpression', () => {
    this.SUBRULE(this.unaryExpression, { LABEL: 'operands' });
    this.MANY(() => {
      this.CONSUME(T.MultiplicativeOperator);
      this.SUBRULE2(this.unaryExpression, { LABEL: 'operands' });
    });
  });

  unaryExpression = this.RULE('unaryExpression', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.AdditiveOperator);
          this.SUBRULE(this.unaryExpression);
        },
      },
      { ALT: () => this.SUBRULE(this.postfixExpression) },
    ]);
  });

  postfixExpression = this.RULE('postfixExpression', () => {
    this.SUBRULE(this.primaryExpression);
    this.MANY({
      // `->*` is not a field access but a select item of its own (see selectItem).
      GATE: () => !(this.LA(1).tokenType === T.Arrow && this.LA(2).tokenType === T.Star),
      DEF: () => this.OR([
        {
          ALT: () => {
            this.CONSUME(T.LBracket);
            this.SUBRULE(this.expression, { LABEL: 'index' });
            this.CONSUME(T.RBracket);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Arrow);
            this.SUBRULE(this.identifier, { LABEL: 'field' });
          },
        },
      ]),
    });
  });

  primaryExpression = this.RULE('primaryExpression', () => {
    // Two tokens decide: `MAP(` commits to the constructor, so `MAP('a' 1)` reports the missing
    // `:=` instead of backing off to a column named MAP.
    this.OR({
      MAX_LOOKAHEAD: 2,
      DEF: [
      { ALT: () => this.SUBRULE(this.literal) },
      { ALT: () => this.SUBRULE(this.caseExpression) },
      { ALT: () => this.SUBRULE(this.castExpression) },
      // ARRAY[, MAP( and STRUCT( are constructors even though ARRAY, MAP and STRUCT are also
      // valid identifiers (as in ksqlDB): the constructor alternatives come first and win.
      { ALT: () => this.SUBRULE(this.arrayConstructor), IGNORE_AMBIGUITIES: true },
      { ALT: () => this.SUBRULE(this.mapConstructor), IGNORE_AMBIGUITIES: true },
      { ALT: () => this.SUBRULE(this.structConstructor), IGNORE_AMBIGUITIES: true },
      { ALT: () => this.SUBRULE(this.functionCall), IGNORE_AMBIGUITIES: true },
      { ALT: () => this.SUBRULE(this.columnReference), IGNORE_AMBIGUITIES: true },
      { ALT: () => this.SUBRULE(this.parenthesized) },
      ],
    });
  });

  /** A literal in an expression; a leading minus is a unary operator there (the AST folds it). */
  literal = this.RULE('literal', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Null) },
      { ALT: () => this.CONSUME(T.True) },
      { ALT: () => this.CONSUME(T.False) },
      { ALT: () => this.CONSUME(T.StringLiteral) },
      { ALT: () => this.CONSUME(T.IntegerLiteral) },
      { ALT: () => this.CONSUME(T.DecimalLiteral) },
      { ALT: () => this.CONSUME(T.DoubleLiteral) },
    ]);
  });

  /** A literal outside expressions (WITH property values): numbers may carry a minus. */
  constant = this.RULE('constant', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Null) },
      { ALT: () => this.CONSUME(T.True) },
      { ALT: () => this.CONSUME(T.False) },
      { ALT: () => this.CONSUME(T.StringLiteral) },
      { ALT: () => this.SUBRULE(this.signedNumber) },
    ]);
  });

  /** ksqlDB's `number`: an optional minus belongs to the literal (so INT_MIN is one literal). */
  signedNumber = this.RULE('signedNumber', () => {
    this.OPTION(() => this.CONSUME(T.Minus));
    this.OR([
      { ALT: () => this.CONSUME(T.IntegerLiteral) },
      { ALT: () => this.CONSUME(T.DecimalLiteral) },
      { ALT: () => this.CONSUME(T.DoubleLiteral) },
    ]);
  });

  caseExpression = this.RULE('caseExpression', () => {
    this.CONSUME(T.Case);
    this.OPTION(() => this.SUBRULE(this.expression, { LABEL: 'operand' }));
    this.AT_LEAST_ONE(() => this.SUBRULE(this.whenClause));
    this.OPTION2(() => {
      this.CONSUME(T.Else);
      this.SUBRULE2(this.expression, { LABEL: 'else' });
    });
    this.CONSUME(T.End);
  });

  whenClause = this.RULE('whenClause', () => {
    this.CONSUME(T.When);
    this.SUBRULE(this.expression, { LABEL: 'when' });
    this.CONSUME(T.Then);
    this.SUBRULE2(this.expression, { LABEL: 'then' });
  });

  castExpression = this.RULE('castExpression', () => {
    this.CONSUME(T.Cast);
    this.CONSUME(T.LParen);
    this.SUBRULE(this.expression);
    this.CONSUME(T.As);
    this.SUBRULE(this.type);
    this.CONSUME(T.RParen);
  });

  arrayConstructor = this.RULE('arrayConstructor', () => {
    this.CONSUME(T.ArrayKw);
    this.CONSUME(T.LBracket);
    this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.expression, { LABEL: 'items' }) });
    this.CONSUME(T.RBracket);
  });

  mapConstructor = this.RULE('mapConstructor', () => {
    this.CONSUME(T.MapKw);
    this.CONSUME(T.LParen);
    this.MANY_SEP({
      SEP: T.Comma,
      DEF: () => {
        this.SUBRULE(this.expression, { LABEL: 'keys' });
        this.CONSUME(T.Assign);
        this.SUBRULE2(this.expression, { LABEL: 'values' });
      },
    });
    this.CONSUME(T.RParen);
  });

  structConstructor = this.RULE('structConstructor', () => {
    this.CONSUME(T.Struct);
    this.CONSUME(T.LParen);
    this.MANY_SEP({
      SEP: T.Comma,
      DEF: () => {
        this.SUBRULE(this.identifier, { LABEL: 'names' });
        this.CONSUME(T.Assign);
        this.SUBRULE(this.expression, { LABEL: 'values' });
      },
    });
    this.CONSUME(T.RParen);
  });

  functionCall = this.RULE('functionCall', () => {
    this.SUBRULE(this.identifier, { LABEL: 'name' });
    this.CONSUME(T.LParen);
    this.OPTION(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.Star) },
        {
          ALT: () => {
            this.OPTION2(() => this.CONSUME(T.Distinct));
            this.AT_LEAST_ONE_SEP({
              SEP: T.Comma,
              DEF: () =>
                this.OR2([
                  { GATE: () => this.lambdaAhead(), ALT: () => this.SUBRULE(this.lambda, { LABEL: 'lambdas' }), IGNORE_AMBIGUITIES: true },
                  { ALT: () => this.SUBRULE(this.expression, { LABEL: 'args' }) },
                ]),
            });
          },
        },
      ]);
    });
    this.CONSUME(T.RParen);
  });

  /** `x => body` or `(x, y) => body` (an argument of TRANSFORM, FILTER, REDUCE). */
  lambda = this.RULE('lambda', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.identifier, { LABEL: 'params' }) });
          this.CONSUME(T.RParen);
        },
      },
      { ALT: () => this.SUBRULE2(this.identifier, { LABEL: 'params' }) },
    ]);
    this.CONSUME(T.LambdaArrow);
    this.SUBRULE(this.expression, { LABEL: 'body' });
  });

  /** Whether the next tokens start a lambda: `ident =>` or `( ident, ... ) =>`. */
  private lambdaAhead(): boolean {
    const isIdent = (t: TokenType): boolean =>
      t === T.Identifier || t === T.BacktickIdentifier || t === T.QuotedIdentifier || T.NON_RESERVED_KEYWORDS.includes(t);
    if (isIdent(this.LA(1).tokenType)) return this.LA(2).tokenType === T.LambdaArrow;
    if (this.LA(1).tokenType !== T.LParen) return false;
    for (let i = 2; ; i += 2) {
      if (!isIdent(this.LA(i).tokenType)) return false;
      const next = this.LA(i + 1).tokenType;
      if (next === T.RParen) return this.LA(i + 2).tokenType === T.LambdaArrow;
      if (next !== T.Comma) return false;
    }
  }

  columnReference = this.RULE('columnReference', () => {
    this.SUBRULE(this.identifier, { LABEL: 'parts' });
    this.OPTION(() => {
      this.CONSUME(T.Dot);
      this.SUBRULE2(this.identifier, { LABEL: 'parts' });
    });
  });

  parenthesized = this.RULE('parenthesized', () => {
    this.CONSUME(T.LParen);
    this.SUBRULE(this.expression);
    this.CONSUME(T.RParen);
  });

  identifier = this.RULE('identifier', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Identifier) },
      { ALT: () => this.CONSUME(T.BacktickIdentifier) },
      { ALT: () => this.CONSUME(T.QuotedIdentifier) },
      { ALT: () => this.CONSUME(T.NonReserved) },
    ]);
  });
}

// ---------------------------------------------------------------- error messages

/** Most alternatives listed in an "expected" message before it is cut short with `...`. */
export const MAX_EXPECTED_IN_MESSAGE = 6;

/** How a token is named in messages: its text for the offending token, its label for expectations. */
export function describeActual(token: IToken): string {
  return token.tokenType === EOF ? 'end of input' : `'${token.image}'`;
}

function tokenLabel(t: TokenType): string {
  if (t === EOF) return 'end of input';
  return t.LABEL ?? t.name;
}

/** Short, de-duplicated list: `FROM`, `FROM or ','`, `one of A, B, C, ...`. */
export function formatExpected(types: readonly TokenType[]): string {
  const labels = [...new Set(types.map(tokenLabel))];
  if (labels.length === 1) return labels[0]!;
  const shown = labels.slice(0, MAX_EXPECTED_IN_MESSAGE);
  const more = labels.length > shown.length ? ', ...' : '';
  if (labels.length === 2) return `${shown[0]} or ${shown[1]}`;
  return `one of ${shown.join(', ')}${more}`;
}

/** Tokens that can start an expression; an "expected" list containing all of them says `expression`. */
let expressionStarts: ReadonlySet<TokenType> | undefined;

function summarizeExpected(expected: readonly TokenType[]): TokenType[] {
  expressionStarts ??= new Set(sqlParser.computeContentAssist('expression', []).map((p) => p.nextTokenType));
  const starts = expressionStarts;
  // ARRAY, MAP, STRUCT may appear only as their category NonReserved in Chevrotain's paths.
  const covered = (t: TokenType): boolean => expected.includes(t) || (t.CATEGORIES ?? []).some((c) => expected.includes(c));
  if (starts.size === 0 || ![...starts].every(covered)) return [...expected];
  const rest = expected.filter((t) => !starts.has(t));
  const firstStart = expected.findIndex((t) => starts.has(t));
  rest.splice(Math.min(firstStart, rest.length), 0, EXPRESSION);
  return rest;
}

/** A stand-in token type (never lexed), only for naming "an expression" in messages. */
const EXPRESSION = createToken({ name: 'Expression', pattern: Lexer.NA, label: 'expression' });

export function syntaxErrorMessage(actual: IToken, given: readonly TokenType[]): string {
  const expected = summarizeExpected(given);
  const where = syntaxErrorWhere(actual);
  return expected.length > 0 ? `${where}: expected ${formatExpected(expected)}` : where;
}

/** The head of a syntax error message, where parse.ts adds ` at line L:C` as ksqlDB words it. */
export function syntaxErrorWhere(actual: IToken): string {
  return actual.tokenType === EOF ? 'Syntax error at end of input' : `Syntax error at or near ${describeActual(actual)}`;
}

/**
 * Our own list of what could come instead of a token, for a message whose ksqlDB wording leaves
 * the set out (it is long): the CLI shows it under the caret. Set by the message builders below,
 * read right after the parse that failed (the parser is not re-entrant).
 */
let lastHint: string | undefined;

/** The hint of the latest syntax error, once. */
export function takeSyntaxHint(): string | undefined {
  const hint = lastHint;
  lastHint = undefined;
  return hint;
}

/** Words a statement starts with, from the grammar: an unknown first word is compared to them. */
let statementWords: readonly string[] | undefined;

export function statementStartWords(): readonly string[] {
  statementWords ??= [...new Set(sqlParser.computeContentAssist('statement', []).map((p) => tokenLabel(p.nextTokenType)))];
  return statementWords;
}

/**
 * A token that does not fit where ANTLR (so ksqlDB) expects a set of tokens: its single-token
 * recovery first, `missing X at 'Y'` when the token could follow the missing one; a token one
 * too many (`extraneous input`) and a plain mismatch are worded by ksqlDB from the set alone.
 */
function expectedSetMessage(expected: readonly TokenType[], actual: IToken, insertable: TokenType | undefined): string {
  const input = sqlParser.input;
  const at = input.indexOf(actual);
  if (at === 0 && actual.tokenType !== EOF) return unknownStatementMessage(actual.image, statementStartWords());
  const set = antlrTokenSet(expected);
  if (at >= 0 && actual.tokenType !== EOF) {
    const next = input[at + 1];
    if (next && expected.some((t) => tokenMatcher(next, t))) {
      if (T.KEYWORDS.includes(actual.tokenType) && !T.NON_RESERVED_KEYWORDS.includes(actual.tokenType)) return reservedKeywordMessage(actual.image);
    } else if (insertable) {
      const assumed = createTokenInstance(insertable, tokenLabel(insertable), NaN, NaN, NaN, NaN, NaN, NaN);
      const follows = sqlParser.computeContentAssist('singleStatement', [...input.slice(0, at), assumed]);
      if (follows.some((p) => tokenMatcher(actual, p.nextTokenType))) return `missing ${set.text} at ${describeActual(actual)}`;
    }
  }
  const detail = expectingDetail(set, actual.tokenType === EOF);
  if (detail === '') lastHint = `expected ${formatExpected(summarizeExpected(expected))}`;
  return detail;
}

/** A token where the rule `ruleName` needed `expected`: the set is what ANTLR expects there. */
function mismatchMessage(ruleName: string, expected: TokenType, actual: IToken): string {
  const input = sqlParser.input;
  const at = input.indexOf(actual);
  const before = at >= 0 ? input.slice(0, at) : input;
  const set = expectedAtMismatch(sqlParser, ruleName, expected, before);
  return expectedSetMessage(set, actual, set.length === 1 ? expected : undefined);
}

/** Input after a complete statement: ANTLR expects whatever could have continued it, or `;`. */
function redundantInputMessage(redundant: IToken): string {
  const input = sqlParser.input;
  const at = input.indexOf(redundant);
  const next = sqlParser.computeContentAssist('singleStatement', input.slice(0, Math.max(0, at))).map((p) => p.nextTokenType);
  return expectedSetMessage(next, redundant, undefined);
}

/** No alternative fits: ksqlDB's `Syntax error at or near 'X'` (parse.ts adds the position). */
function noViableMessage(actual: IToken, expected: readonly TokenType[]): string {
  if (sqlParser.input.indexOf(actual) === 0 && actual.tokenType !== EOF) return unknownStatementMessage(actual.image, statementStartWords());
  return syntaxErrorMessage(actual, expected);
}

const messages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected, actual, ruleName }) => mismatchMessage(ruleName, expected, actual),
  buildNotAllInputParsedMessage: ({ firstRedundant }) => redundantInputMessage(firstRedundant),
  buildNoViableAltMessage: ({ expectedPathsPerAlt, actual }) =>
    noViableMessage(actual[0]!, expectedPathsPerAlt.flat().map((path) => path[0]!).filter(Boolean)),
  // A loop that must run once over a token is ANTLR's `(T)+`, whose entry expects the token.
  buildEarlyExitMessage: ({ expectedIterationPaths, actual, ruleName }) => {
    const first = [...new Set(expectedIterationPaths.map((path) => path[0]!).filter(Boolean))];
    if (!isTokenLoop(sqlParser, ruleName, first)) return noViableMessage(actual[0]!, first);
    return expectedSetMessage(first, actual[0]!, first.length === 1 ? first[0] : undefined);
  },
};

/**
 * The one parser instance (see the file comment). Not re-entrant: parse one input at a time.
 * It skips Chevrotain's grammar validations (ambiguity and left-recursion checks), which cost
 * most of a CLI start; test/grammar checks them once with `buildValidatedParser`.
 */
export const sqlParser = new SqlParser(messages, false);

/** A parser built with every grammar validation on: throws if the grammar is ambiguous or broken. */
export function buildValidatedParser(): SqlParser {
  return new SqlParser(messages, true);
}
export type { SqlParser };
