/**
 * The SARIF 2.1.0 subset tsguard writes for `validate --structured -o sarif`
 * (OUT-SARIF-01..04), typed as the reference's TypeScript package declares
 * it (API-02). Property order is the order the report prints them in,
 * which is also the reference's. Type aliases rather than interfaces so a
 * report is directly a `JsonValue` for the JSON writer.
 */

/** `{"text": …}` — used for a result's message and the tool's short description. */
export type SarifMessage = {
  readonly text: string;
};

export type SarifArtifactLocation = {
  readonly uri: string;
};

/** One data file that has failures (OUT-SARIF-02). */
export type SarifArtifact = {
  readonly location: SarifArtifactLocation;
};

/** 1-based after clamping; see OUT-SARIF-04 for what the numbers really are. */
export type SarifRegion = {
  readonly startLine: number;
  readonly startColumn: number;
};

export type SarifPhysicalLocation = {
  readonly artifactLocation: SarifArtifactLocation;
  readonly region: SarifRegion;
};

export type SarifLocation = {
  readonly physicalLocation: SarifPhysicalLocation;
};

/** One failing check (OUT-SARIF-03). */
export type SarifResult = {
  readonly ruleId: string;
  readonly level: 'error';
  readonly message: SarifMessage;
  readonly locations: readonly SarifLocation[];
};

export type SarifDriver = {
  readonly name: string;
  readonly semanticVersion: string;
  readonly fullName: string;
  readonly organization: string;
  readonly downloadUri: string;
  readonly informationUri: string;
  readonly shortDescription: SarifMessage;
};

export type SarifTool = {
  readonly driver: SarifDriver;
};

export type SarifRun = {
  readonly tool: SarifTool;
  readonly artifacts: readonly SarifArtifact[];
  readonly results: readonly SarifResult[];
};

/** The whole document (OUT-SARIF-01). */
export type SarifReport = {
  readonly $schema: string;
  readonly version: '2.1.0';
  readonly runs: readonly SarifRun[];
};
