export { FakeGitHub, type Fault, type FaultRule, type FakeCounters } from './server';
export { FakeState, sha, type FakeMergeRequest, type ReviewState, type StatusState, type CheckStatus, type CheckConclusion, type FakeIssue, type FakePull, type FakeCommit } from './state';
export { ContractValidator, contractSource } from './contract';
export { loadScenario, parseScenario, readScenario, scenarioJsonSchema, ScenarioSchema, type Scenario } from './scenario';
export { githubSchema } from './graphql';
