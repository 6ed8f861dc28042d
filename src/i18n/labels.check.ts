/**
 * Holds every label table of `labels.ts` against its enum: a code without a label, or a label whose code is gone,
 * fails the type check (`npm run typecheck`).
 */
import type { AUTHORITY_KINDS } from '../authorities/authority.entity';
import type { DEVICE_EVENT_KINDS } from '../devices/device-event.entity';
import type { DEVICE_STATUSES, DEVICE_TYPES } from '../devices/device.entity';
import type { EXPENDITURE_CATEGORIES } from '../grants/expenditures.dto';
import type { GrantDeadlineDto, GRANT_PROGRAMS, GRANT_STATUSES } from '../grants/grants.dto';
import type { GRANT_WARNING_CODES } from '../grants/program-rules';
import type { LICENCE_HOSTINGS, LICENCE_MODELS, LICENCE_PLATFORMS, LICENCE_PRODUCT_KINDS, LICENCE_WARNING_CODES, NOTICE_UNITS, USE_SOURCES } from '../licences/licence-rules';
import type { BORROWER_KINDS, LOAN_STATES, RETURN_CONDITIONS } from '../loans/loan-rules';
import type { NEED_CATEGORIES, NEED_PRIORITIES, NEED_STATUSES } from '../needs/needs-workflow';
import type { SCHOOL_TYPES } from '../schools/school.entity';
import type { COUNT_LIST_RESULTS, ELSEWHERE_KINDS, MISSING_RESOLUTIONS } from '../stocktakings/stocktakings.dto';
import type { ROLES } from '../common/actor';
import type { LabelCode, LabelKind } from './labels';

type Codes<A extends readonly string[]> = A[number];
/** `true` only when the two unions are the same set. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Covers<K extends LabelKind, E> = Same<LabelCode<K>, E>;

const checks: {
  schoolType: Covers<'schoolType', Codes<typeof SCHOOL_TYPES>>;
  deviceType: Covers<'deviceType', Codes<typeof DEVICE_TYPES>>;
  deviceStatus: Covers<'deviceStatus', Codes<typeof DEVICE_STATUSES>>;
  deviceEventKind: Covers<'deviceEventKind', Codes<typeof DEVICE_EVENT_KINDS>>;
  borrowerKind: Covers<'borrowerKind', Codes<typeof BORROWER_KINDS>>;
  returnCondition: Covers<'returnCondition', Codes<typeof RETURN_CONDITIONS>>;
  loanState: Covers<'loanState', Codes<typeof LOAN_STATES>>;
  expenditureCategory: Covers<'expenditureCategory', Codes<typeof EXPENDITURE_CATEGORIES>>;
  grantProgram: Covers<'grantProgram', Codes<typeof GRANT_PROGRAMS>>;
  grantStatus: Covers<'grantStatus', Codes<typeof GRANT_STATUSES>>;
  grantDeadlineKind: Covers<'grantDeadlineKind', GrantDeadlineDto['kind']>;
  grantWarning: Covers<'grantWarning', Codes<typeof GRANT_WARNING_CODES>>;
  needCategory: Covers<'needCategory', Codes<typeof NEED_CATEGORIES>>;
  needStatus: Covers<'needStatus', Codes<typeof NEED_STATUSES>>;
  needPriority: Covers<'needPriority', Codes<typeof NEED_PRIORITIES>>;
  role: Covers<'role', Codes<typeof ROLES>>;
  authorityKind: Covers<'authorityKind', Codes<typeof AUTHORITY_KINDS>>;
  licenceProductKind: Covers<'licenceProductKind', Codes<typeof LICENCE_PRODUCT_KINDS>>;
  licencePlatform: Covers<'licencePlatform', Codes<typeof LICENCE_PLATFORMS>>;
  licenceHosting: Covers<'licenceHosting', Codes<typeof LICENCE_HOSTINGS>>;
  licenceModel: Covers<'licenceModel', Codes<typeof LICENCE_MODELS>>;
  licenceNoticeUnit: Covers<'licenceNoticeUnit', Codes<typeof NOTICE_UNITS>>;
  licenceUseSource: Covers<'licenceUseSource', Codes<typeof USE_SOURCES>>;
  licenceWarning: Covers<'licenceWarning', Codes<typeof LICENCE_WARNING_CODES>>;
  countListResult: Covers<'countListResult', Codes<typeof COUNT_LIST_RESULTS>>;
  elsewhereKind: Covers<'elsewhereKind', Codes<typeof ELSEWHERE_KINDS>>;
  missingResolution: Covers<'missingResolution', Codes<typeof MISSING_RESOLUTIONS>>;
} = {
  schoolType: true,
  deviceType: true,
  deviceStatus: true,
  deviceEventKind: true,
  borrowerKind: true,
  returnCondition: true,
  loanState: true,
  expenditureCategory: true,
  grantProgram: true,
  grantStatus: true,
  grantDeadlineKind: true,
  grantWarning: true,
  needCategory: true,
  needPriority: true,
  needStatus: true,
  role: true,
  authorityKind: true,
  licenceProductKind: true,
  licencePlatform: true,
  licenceHosting: true,
  licenceModel: true,
  licenceNoticeUnit: true,
  licenceUseSource: true,
  licenceWarning: true,
  countListResult: true,
  elsewhereKind: true,
  missingResolution: true,
};
export default checks;
