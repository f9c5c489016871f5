// The SARIF 2.1.0 report: one run, every rule described, each finding with its data-flow path. Findings
// suppressed in the source carry `suppressions` (GitHub code scanning closes them as such), not dropped.
import type { Location } from '../core';
import type { ReportFinding, ReportRuleMeta } from '../config';
import { fileUrl, folderUrl, pathInside, relativeUri } from './paths';
import { reportingDescriptor, sarifLevel } from './sarif-rules';
import type { ScanReport } from './report-model';
import type { SarifArtifactLocation, SarifLocation, SarifLog, SarifResult } from './sarif-types';
import { TOOL_NAME, TOOL_URI, TOOL_VERSION } from './tool-info';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const FINGERPRINT_KEY = 'promptward/v1';
const SRCROOT = '%SRCROOT%';

export interface SarifOptions {
  rules: readonly ReportRuleMeta[];
  /** Rule id → markdown doc (rules/docs/<id>.md), for the rules that have one. */
  docs: ReadonlyMap<string, string>;
  startTime: Date;
  endTime: Date;
  /** Rule levels set by the config, recorded as the invocation's rule configuration overrides. */
  levels?: ReadonlyMap<string, 'off' | 'error' | 'warning' | 'info'>;
}

export function toSarif(result: ScanReport, options: SarifOptions): SarifLog {
  const ruleIndex = new Map(options.rules.map((rule, index) => [rule.id as string, index]));
  const artifact = (file: string): SarifArtifactLocation => {
    const inside = pathInside(result.root, file);
    return inside === undefined ? { uri: fileUrl(file) } : { uri: relativeUri(inside), uriBaseId: SRCROOT };
  };
  const location = (loc: Location): SarifLocation => ({
    physicalLocation: {
      artifactLocation: artifact(loc.file),
      region: {
        startLine: loc.start.line,
        startColumn: loc.start.column,
        endLine: loc.end.line,
        endColumn: loc.end.column,
      },
    },
  });

  const toResult = (finding: ReportFinding): SarifResult => {
    const steps = finding.path.map((step, i) => ({
      ...location(step.location),
      id: i + 1,
      message: { text: `${step.kind}: ${step.label}` },
    }));
    return {
      ruleId: finding.ruleId,
      ruleIndex: ruleIndex.get(finding.ruleId),
      level: sarifLevel(finding.severity),
      message: { text: finding.message },
      locations: [location(finding.location)],
      ...(steps.length > 0 && {
        codeFlows: [{ threadFlows: [{ locations: steps.map(({ id: _id, ...step }) => ({ location: step })) }] }],
        relatedLocations: steps,
      }),
      partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
      ...(finding.suppressed && { suppressions: [{ kind: 'inSource' as const, justification: finding.suppressed.justification }] }),
      // With --baseline, what is reported is what the baseline does not hold.
      ...(result.baselined !== undefined && { baselineState: 'new' as const }),
    };
  };

  const overrides = [...(options.levels ?? [])]
    .filter(([id]) => ruleIndex.has(id))
    .map(([id, level]) => ({
      descriptor: { id, index: ruleIndex.get(id)! },
      configuration: level === 'off' ? { enabled: false } : { level: sarifLevel(level) },
    }));

  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: TOOL_VERSION,
            semanticVersion: TOOL_VERSION,
            informationUri: TOOL_URI,
            rules: options.rules.map((rule) => reportingDescriptor(rule, options.docs.get(rule.id))),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: folderUrl(result.root) } },
        invocations: [
          {
            executionSuccessful: true,
            startTimeUtc: options.startTime.toISOString(),
            endTimeUtc: options.endTime.toISOString(),
            ...(overrides.length > 0 && { ruleConfigurationOverrides: overrides }),
            ...(result.skipped.length > 0 && {
              toolExecutionNotifications: result.skipped.map((skipped) => ({
                level: 'warning' as const,
                message: { text: `Skipped: ${skipped.reason}` },
                locations: [{ physicalLocation: { artifactLocation: artifact(skipped.file) } }],
              })),
            }),
          },
        ],
        columnKind: 'utf16CodeUnits',
        results: result.findings.map(toResult),
      },
    ],
  };
}

export function formatSarif(result: ScanReport, options: SarifOptions): string {
  return `${JSON.stringify(toSarif(result, options), null, 2)}\n`;
}
