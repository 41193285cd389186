// Rules about files as a whole; the loader reports them, so check() finds nothing itself.

import type { Rule } from './types';

export const unreadableFile: Rule = {
  id: 'DA0001',
  name: 'unreadable-file',
  severity: 'error',
  title: 'The file cannot be read as YAML, JSON or Terraform',
  source: 'https://yaml.org/spec/1.2.2/',
  description:
    'Syntax errors, duplicate keys, alias bombs (aliases that expand without bound), nesting too deep to read safely, files larger than 1 MiB, binary files, UTF-16 files (save them as UTF-8) and invalid UTF-8. Line breaks may be LF, CRLF or a lone CR (YAML 1.2 reads all three). The file is not linted further; other files still are. In a Terraform file, the blocks without a syntax error are still linted.',
  messages: {
    tooLarge: 'the file is larger than the 1 MiB deploy-advisor reads; configuration files are far smaller',
    binary: 'the file is binary (it has NUL bytes), not YAML or JSON',
    notUtf8: 'the file is not valid UTF-8',
    utf16: 'the file is UTF-16 ({{order}}); save it as UTF-8, which CloudFormation, the AWS CLI and cfn-lint read',
    cannotRead: 'the file cannot be read: {{problem}}',
    notAFile: 'it is {{kind}}, not a file; give a YAML or JSON file',
    folderUnreadable: 'the folder cannot be read: {{problem}}',
    invalidYaml: 'not valid YAML or JSON: {{problem}}',
    invalidTerraform: 'not valid Terraform: {{problem}}; the block holding it is not linted',
    aliasBomb: 'aliases expand too far (more than {{max}}); this looks like an alias bomb',
    tooDeep: 'nesting is too deep to read safely (more than {{max}} levels); configuration files nest far less',
  },
  examples: {
    invalid: 'EndpointConfigName: my-config\nEndpointConfigName: other\nProductionVariants: []\n',
    valid: 'EndpointConfigName: my-config\nProductionVariants:\n  - VariantName: AllTraffic\n    ModelName: my-model\n    InstanceType: ml.m5.large\n    InitialInstanceCount: 1\n',
  },
  check: () => [],
};

export const suppressionWithoutReason: Rule = {
  id: 'DA0002',
  name: 'suppression-without-reason',
  severity: 'warning',
  title: 'A suppression comment must give a reason',
  source: 'README.md#suppressing-findings',
  description: 'Write `# deploy-advisor-ignore DA1008 -- reason` on the line of the finding or the line before it. Without a reason the comment suppresses nothing.',
  messages: { noReason: 'deploy-advisor-ignore {{ids}} has no reason, so it suppresses nothing; add "-- <why>"' },
  examples: {
    invalid: 'EndpointConfigName: my-config\nKmsKeyId: alias/my-key  # deploy-advisor-ignore DA1008\nProductionVariants:\n  - VariantName: AllTraffic\n    ModelName: my-model\n    InstanceType: ml.g5.xlarge\n    InitialInstanceCount: 1\n',
    valid:
      'EndpointConfigName: my-config\nKmsKeyId: alias/my-key  # deploy-advisor-ignore DA1008 -- the key is removed by our deploy script for g5\nProductionVariants:\n  - VariantName: AllTraffic\n    ModelName: my-model\n    InstanceType: ml.g5.xlarge\n    InitialInstanceCount: 1\n',
  },
  check: () => [],
};

export const answersFile: Rule = {
  id: 'DA4001',
  name: 'answers-file',
  severity: 'error',
  title: 'A deploy-advisor answers file must be valid',
  source: 'README.md#answers-file',
  description: 'Answers files (for deploy-advisor recommend --answers) are checked as recommend reads them: known keys only, sizes and durations with units, known traffic patterns, whole numbers of at least 1.',
  messages: {
    unknownKey: 'unknown key "{{key}}"; allowed keys: {{allowed}}',
    badValue: '{{key}}: {{problem}}',
  },
  examples: {
    invalid: 'batch: false\npayload: 2 megs\nprocessingTime: 800ms\nlatency: 30s\ntraffic: intermittent\n',
    valid: 'batch: false\npayload: 2MB\nprocessingTime: 800ms\nlatency: 30s\ntraffic: intermittent\n',
  },
  check: () => [],
};
export const FILE_RULES = [unreadableFile, suppressionWithoutReason, answersFile];
