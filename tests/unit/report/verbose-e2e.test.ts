/**
 * End to end: rules → parser → evaluator → verbose tree, compared with the
 * text the reference binary printed for the same inputs (`cfn-guard
 * validate -r e2e.guard -d e2e.yaml -v -S none`, 3.1.1, data path shortened
 * to the bare file name). Covers type blocks, filters, block clauses,
 * disjunctions, `in` with several right-hand results and the `.[` quirk,
 * when blocks, rule references and an empty filter with a message.
 */
import { describe, expect, test } from 'vitest';
import { formatVerboseTree } from '../../../src/report/verbose.js';
import { evaluateE2e } from '../../support/e2e-pipeline.js';

const RULES = `let queues = Resources.*[ Type == 'AWS::SQS::Queue' ]
let types = Resources.*.Type
rule types {
  AWS::S3::Bucket {
    Properties.Tags[*] { Key == 'env' or Value == 'dev' }
  }
}
rule ins {
  Resources.Bucket.Properties.BucketName in ['a.[b', 'c']
  Resources.Bucket.Properties.BucketName in %types
  Resources.Bucket.Properties.BucketName not in ['logs.[x]']
}
rule whens when %queues !empty {
  when %queues.Properties.DelaySeconds exists {
    %queues.Properties.DelaySeconds < 3 <<delay too long>>
  }
  %queues.Properties.Missing !exists
}
rule uses { types
  not whens
}
rule empties { Resources.*[ Type == 'Nope' ] !empty <<none>> }
`;

const VERBOSE = [
  '`- File(e2e.yaml, Status=FAIL)[Context=File(rules=5)]',
  '   |- Rule(types, Status=PASS)[Context=types]',
  '   |  `- Type(AWS::S3::Bucket, Status=PASS)[Context=TypeBlock#AWS::S3::Bucket]',
  '   |     |- Filter/ConjunctionsBlock(Status=PASS)[Context=Filter/Map#1]',
  '   |     |  `- GuardClauseBlock(Status = PASS)[Context=GuardAccessClause#block Type EQUALS  "AWS::S3::Bucket"]',
  '   |     |     `- GuardClauseValueCheck(Status=PASS)[Context= Type EQUALS  "AWS::S3::Bucket"]',
  '   |     |- Filter/ConjunctionsBlock(Status=FAIL)[Context=Filter/Map#1]',
  '   |     |  `- GuardClauseBlock(Status = FAIL)[Context=GuardAccessClause#block Type EQUALS  "AWS::S3::Bucket"]',
  '   |     |     `- GuardClauseBinaryCheck(Status=FAIL, Comparison= EQUALS, from=(resolved, Path=/Resources/Queue/Type[L:7,C:10] Value="AWS::SQS::Queue"), to=(resolved, Path=[L:0,C:0] Value="AWS::S3::Bucket"))[Context= Type EQUALS  "AWS::S3::Bucket"]',
  '   |     `- TypeBlock/Block Status=PASS)[Context=TypeBlock#AWS::S3::Bucket/0]',
  '   |        `- GuardValueBlockCheck(Status = PASS)[Context=BlockGuardClause#Location[file:e2e.guard, line:5, column:5]]',
  '   |           `- Disjunction(Status = PASS)[Context=cfn_guard::rules::exprs::GuardClause#disjunction]',
  '   |              `- GuardClauseBlock(Status = PASS)[Context=GuardAccessClause#block Key EQUALS  "env"]',
  '   |                 `- GuardClauseValueCheck(Status=PASS)[Context= Key EQUALS  "env"]',
  '   |- Rule(ins, Status=FAIL)[Context=ins]',
  '   |  |- GuardClauseBlock(Status = FAIL)[Context=GuardAccessClause#block Resources.Bucket.Properties.BucketName IN  ["a.[b","c"]]',
  '   |  |  `- GuardClauseInBinaryCheck(Status=FAIL, Comparison= IN, from=(resolved, Path=/Resources/Bucket/Properties/BucketName[L:4,C:18] Value="logs.[x]"), to=(resolved, Path=[L:0,C:0] Value=["a[b","c"]))[Context= Resources.Bucket.Properties.BucketName IN  ["a.[b","c"]]',
  '   |  |- GuardClauseBlock(Status = FAIL)[Context=GuardAccessClause#block Resources.Bucket.Properties.BucketName IN  %types]',
  '   |  |  `- GuardClauseInBinaryCheck(Status=FAIL, Comparison= IN, from=(resolved, Path=/Resources/Bucket/Properties/BucketName[L:4,C:18] Value="logs.[x]"), to=(resolved, Path=/Resources/Bucket/Type[L:2,C:10] Value="AWS::S3::Bucket").(resolved, Path=/Resources/Queue/Type[L:7,C:10] Value="AWS::SQS::Queue"))[Context= Resources.Bucket.Properties.BucketName IN  %types]',
  '   |  `- GuardClauseBlock(Status = FAIL)[Context=GuardAccessClause#block Resources.Bucket.Properties.BucketName not IN  ["logs.[x]"]]',
  '   |     `- GuardClauseInBinaryCheck(Status=FAIL, Comparison=not IN, from=(resolved, Path=/Resources/Bucket/Properties/BucketName[L:4,C:18] Value="logs.[x]"), to=(resolved, Path=[L:0,C:0] Value=["logs[x]"]))[Context= Resources.Bucket.Properties.BucketName not IN  ["logs.[x]"]]',
  '   |- Rule(whens, Status=FAIL)[Context=whens]',
  '   |  |- Rule/When(Status=PASS)[Context=Rule#whens/When]',
  '   |  |  `- GuardClauseBlock(Status = PASS)[Context=GuardAccessClause#block %queues not EMPTY  ]',
  '   |  |     |- Filter/ConjunctionsBlock(Status=FAIL)[Context=Filter/Map#1]',
  '   |  |     |  `- GuardClauseBlock(Status = FAIL)[Context=GuardAccessClause#block Type EQUALS  "AWS::SQS::Queue"]',
  '   |  |     |     `- GuardClauseBinaryCheck(Status=FAIL, Comparison= EQUALS, from=(resolved, Path=/Resources/Bucket/Type[L:2,C:10] Value="AWS::S3::Bucket"), to=(resolved, Path=[L:0,C:0] Value="AWS::SQS::Queue"))[Context= Type EQUALS  "AWS::SQS::Queue"]',
  '   |  |     |- Filter/ConjunctionsBlock(Status=PASS)[Context=Filter/Map#1]',
  '   |  |     |  `- GuardClauseBlock(Status = PASS)[Context=GuardAccessClause#block Type EQUALS  "AWS::SQS::Queue"]',
  '   |  |     |     `- GuardClauseValueCheck(Status=PASS)[Context= Type EQUALS  "AWS::SQS::Queue"]',
  '   |  |     `- GuardClauseValueCheck(Status=PASS)[Context= %queues not EMPTY  ]',
  '   |  |- WhenConditionalBlock(Status = FAIL)[Context=RuleClause]',
  '   |  |  |- WhenCondition(Status = PASS)[Context=RuleClause/When]',
  '   |  |  |  `- GuardClauseBlock(Status = PASS)[Context=GuardAccessClause#block %queues[*].Properties.DelaySeconds EXISTS  ]',
  '   |  |  |     `- GuardClauseValueCheck(Status=PASS)[Context= %queues[*].Properties.DelaySeconds EXISTS  ]',
  '   |  |  `- GuardClauseBlock(Status = FAIL)[Context=GuardAccessClause#block %queues[*].Properties.DelaySeconds LESS THAN  3]',
  '   |  |     `- GuardClauseBinaryCheck(Status=FAIL, Comparison= LESS THAN, from=(resolved, Path=/Resources/Queue/Properties/DelaySeconds[L:9,C:20] Value=5), to=(resolved, Path=[L:0,C:0] Value=3))[Context= %queues[*].Properties.DelaySeconds LESS THAN  3]',
  '   |  `- GuardClauseBlock(Status = PASS)[Context=GuardAccessClause#block %queues[*].Properties.Missing not EXISTS  ]',
  '   |     `- GuardClauseValueCheck(Status=PASS)[Context= %queues[*].Properties.Missing not EXISTS  ]',
  '   |- Rule(uses, Status=PASS)[Context=uses]',
  '   |  |- GuardClauseValueCheck(Status=PASS)[Context=Rule(types@Location[file:e2e.guard, line:19, column:13])]',
  '   |  |  `- Rule(types, Status=PASS)[Context=types]',
  '   |  |     `- Type(AWS::S3::Bucket, Status=PASS)[Context=TypeBlock#AWS::S3::Bucket]',
  '   |  |        |- Filter/ConjunctionsBlock(Status=PASS)[Context=Filter/Map#1]',
  '   |  |        |  `- GuardClauseBlock(Status = PASS)[Context=GuardAccessClause#block Type EQUALS  "AWS::S3::Bucket"]',
  '   |  |        |     `- GuardClauseValueCheck(Status=PASS)[Context= Type EQUALS  "AWS::S3::Bucket"]',
  '   |  |        |- Filter/ConjunctionsBlock(Status=FAIL)[Context=Filter/Map#1]',
  '   |  |        |  `- GuardClauseBlock(Status = FAIL)[Context=GuardAccessClause#block Type EQUALS  "AWS::S3::Bucket"]',
  '   |  |        |     `- GuardClauseBinaryCheck(Status=FAIL, Comparison= EQUALS, from=(resolved, Path=/Resources/Queue/Type[L:7,C:10] Value="AWS::SQS::Queue"), to=(resolved, Path=[L:0,C:0] Value="AWS::S3::Bucket"))[Context= Type EQUALS  "AWS::S3::Bucket"]',
  '   |  |        `- TypeBlock/Block Status=PASS)[Context=TypeBlock#AWS::S3::Bucket/0]',
  '   |  |           `- GuardValueBlockCheck(Status = PASS)[Context=BlockGuardClause#Location[file:e2e.guard, line:5, column:5]]',
  '   |  |              `- Disjunction(Status = PASS)[Context=cfn_guard::rules::exprs::GuardClause#disjunction]',
  '   |  |                 `- GuardClauseBlock(Status = PASS)[Context=GuardAccessClause#block Key EQUALS  "env"]',
  '   |  |                    `- GuardClauseValueCheck(Status=PASS)[Context= Key EQUALS  "env"]',
  '   |  `- GuardClauseValueCheck(Status=PASS)[Context=Rule(whens@Location[file:e2e.guard, line:20, column:3])]',
  '   |     `- Rule(whens, Status=FAIL)[Context=whens]',
  '   |        |- Rule/When(Status=PASS)[Context=Rule#whens/When]',
  '   |        |  `- GuardClauseBlock(Status = PASS)[Context=GuardAccessClause#block %queues not EMPTY  ]',
  '   |        |     `- GuardClauseValueCheck(Status=PASS)[Context= %queues not EMPTY  ]',
  '   |        |- WhenConditionalBlock(Status = FAIL)[Context=RuleClause]',
  '   |        |  |- WhenCondition(Status = PASS)[Context=RuleClause/When]',
  '   |        |  |  `- GuardClauseBlock(Status = PASS)[Context=GuardAccessClause#block %queues[*].Properties.DelaySeconds EXISTS  ]',
  '   |        |  |     `- GuardClauseValueCheck(Status=PASS)[Context= %queues[*].Properties.DelaySeconds EXISTS  ]',
  '   |        |  `- GuardClauseBlock(Status = FAIL)[Context=GuardAccessClause#block %queues[*].Properties.DelaySeconds LESS THAN  3]',
  '   |        |     `- GuardClauseBinaryCheck(Status=FAIL, Comparison= LESS THAN, from=(resolved, Path=/Resources/Queue/Properties/DelaySeconds[L:9,C:20] Value=5), to=(resolved, Path=[L:0,C:0] Value=3))[Context= %queues[*].Properties.DelaySeconds LESS THAN  3]',
  '   |        `- GuardClauseBlock(Status = PASS)[Context=GuardAccessClause#block %queues[*].Properties.Missing not EXISTS  ]',
  '   |           `- GuardClauseValueCheck(Status=PASS)[Context= %queues[*].Properties.Missing not EXISTS  ]',
  '   `- Rule(empties, Status=FAIL)[Context=empties]',
  '      `- GuardClauseBlock(Status = FAIL)[Context=GuardAccessClause#block Resources.*. (filter-clauses) not EMPTY  ]',
  '         |- Filter/ConjunctionsBlock(Status=FAIL)[Context=Filter/Map#1]',
  '         |  `- GuardClauseBlock(Status = FAIL)[Context=GuardAccessClause#block Type EQUALS  "Nope"]',
  '         |     `- GuardClauseBinaryCheck(Status=FAIL, Comparison= EQUALS, from=(resolved, Path=/Resources/Bucket/Type[L:2,C:10] Value="AWS::S3::Bucket"), to=(resolved, Path=[L:0,C:0] Value="Nope"))[Context= Type EQUALS  "Nope"]',
  '         |- Filter/ConjunctionsBlock(Status=FAIL)[Context=Filter/Map#1]',
  '         |  `- GuardClauseBlock(Status = FAIL)[Context=GuardAccessClause#block Type EQUALS  "Nope"]',
  '         |     `- GuardClauseBinaryCheck(Status=FAIL, Comparison= EQUALS, from=(resolved, Path=/Resources/Queue/Type[L:7,C:10] Value="AWS::SQS::Queue"), to=(resolved, Path=[L:0,C:0] Value="Nope"))[Context= Type EQUALS  "Nope"]',
  '         `- GuardClause(Status=FAIL, Empty, none)[Context= Resources.*. (filter-clauses) not EMPTY  ]',
  '',
].join('\n');

describe('verbose tree end to end', () => {
  test('matches the reference output', () => {
    expect(formatVerboseTree(evaluateE2e(RULES, 'e2e.guard'))).toBe(VERBOSE);
  });
});
