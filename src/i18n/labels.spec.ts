import { AUTHORITY_KINDS } from '../authorities/authority.entity';
import { DEVICE_EVENT_KINDS } from '../devices/device-event.entity';
import { DEVICE_STATUSES, DEVICE_TYPES } from '../devices/device.entity';
import { EXPENDITURE_CATEGORIES } from '../grants/expenditures.dto';
import { GRANT_PROGRAMS, GRANT_STATUSES } from '../grants/grants.dto';
import { GRANT_WARNING_CODES } from '../grants/program-rules';
import { LICENCE_HOSTINGS, LICENCE_MODELS, LICENCE_PLATFORMS, LICENCE_PRODUCT_KINDS, LICENCE_WARNING_CODES, NOTICE_UNITS, USE_SOURCES } from '../licences/licence-rules';
import { BORROWER_KINDS, LOAN_STATES, RETURN_CONDITIONS } from '../loans/loan-rules';
import { NEED_CATEGORIES, NEED_PRIORITIES, NEED_STATUSES } from '../needs/needs-workflow';
import { SCHOOL_TYPES } from '../schools/school.entity';
import { ROLES } from '../common/actor';
import { accessoryLabelOf, labelOf, labels, labelsEn, yesNo } from './labels';

describe('labels', () => {
  const enums: Record<string, readonly string[]> = {
    schoolType: SCHOOL_TYPES,
    deviceType: DEVICE_TYPES,
    deviceStatus: DEVICE_STATUSES,
    deviceEventKind: DEVICE_EVENT_KINDS,
    borrowerKind: BORROWER_KINDS,
    returnCondition: RETURN_CONDITIONS,
    loanState: LOAN_STATES,
    expenditureCategory: EXPENDITURE_CATEGORIES,
    grantProgram: GRANT_PROGRAMS,
    grantStatus: GRANT_STATUSES,
    grantWarning: GRANT_WARNING_CODES,
    needCategory: NEED_CATEGORIES,
    needStatus: NEED_STATUSES,
    needPriority: NEED_PRIORITIES,
    role: ROLES,
    authorityKind: AUTHORITY_KINDS,
    licenceProductKind: LICENCE_PRODUCT_KINDS,
    licencePlatform: LICENCE_PLATFORMS,
    licenceHosting: LICENCE_HOSTINGS,
    licenceModel: LICENCE_MODELS,
    licenceNoticeUnit: NOTICE_UNITS,
    licenceUseSource: USE_SOURCES,
    licenceWarning: LICENCE_WARNING_CODES,
  };

  it.each(Object.entries(enums))('%s has a German and an English label for exactly its codes', (kind, codes) => {
    const de = (labels as unknown as Record<string, Record<string, string>>)[kind];
    const en = (labelsEn as unknown as Record<string, Record<string, string>>)[kind];
    expect(Object.keys(de).sort()).toEqual([...codes].sort());
    expect(Object.keys(en).sort()).toEqual([...codes].sort());
    for (const code of codes) {
      expect(de[code].trim()).not.toBe('');
      expect(de[code]).not.toContain('_');
    }
  });

  it('reads a code from its own table, and leaves unknown free text as written', () => {
    expect(labelOf('schoolType', 'foerderschule')).toBe('Förderschule');
    expect(labelOf('deviceStatus', 'lost')).toBe('verloren');
    expect(labelOf('returnCondition', 'lost', 'en')).toBe('lost');
    expect(labelOf('deviceType', null)).toBeNull();
    expect(labelOf('deviceType', 'toString')).toBe('toString');
    expect(accessoryLabelOf('Charger')).toBe('Ladegerät');
    expect(accessoryLabelOf('case', 'en')).toBe('Case');
    expect(accessoryLabelOf('Tastaturhülle')).toBe('Tastaturhülle');
    expect(yesNo(true)).toBe('ja');
    expect(yesNo(false, 'en')).toBe('no');
  });
});
