// The SARIF 2.1.0 report: one run, every rule described, each finding with its data-flow path.
import type { Finding, Location, RuleMeta, ScanResult } from '../core';
import { fileUrl, folderUrl, pathInside, relativeUri } from './paths';
import { reportingDescriptor, sarifLevel } from './sarif-rules';
import type { SarifArtifactLocation, SarifLocation, SarifLog, SarifResult } from './sarif-types';
import { TOOL_NAME, TOOL_URI, TOOL_VERSION } from './tool-info';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const FINGERPRINT_KEY = 'promptward/v1';
const SRCROOT = '%SRCROOT%';

export interface SarifOptions {
  rules: readonly RuleMeta[];
  /** Rule id → markdown doc (rules/docs/<id>.md), for the rules that have one. */
  docs: ReadonlyMap<string, string>;
  startTime: Date;
  endTime: Date;
}

export function toSarif(result: ScanResult, options: SarifOptions): SarifLog {
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

  const toResult = (finding: Finding): SarifResult => {
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
    };
  };

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

export function formatSarif(result: ScanResult, options: SarifOptions): string {
  return `${JSON.stringify(toSarif(result, options), null, 2)}\n`;
}
