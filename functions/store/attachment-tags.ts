// Object tags on attachments that storage rules act on, shared by the store and the CDK data
// stack (which must not load the SDK to know them).

/**
 * The tag a final copy carries until its report commits: a lifecycle rule expires tagged
 * objects, so a copy whose transaction was lost does not stay forever.
 */
export const UNCONFIRMED_TAG = { Key: 'statusportalen-state', Value: 'unconfirmed' } as const;

/** The tag GuardDuty Malware Protection for S3 writes with its verdict. */
export const SCAN_STATUS_TAG = 'GuardDutyMalwareScanStatus';
