import { Injectable } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsInt, IsString, Max, MaxLength, Min, MinLength, registerDecorator } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { AuthoritiesService } from '../authorities/authorities.service';
import { tenantOf } from '../common/access';
import { transaction } from '../common/db';
import { NestedList, Omittable } from '../common/validation';
import { isMonthDay } from './loan-rules';

/** The authority settings section the loans feature keeps in `authorities.settings.loans`. */
export const LOAN_SETTINGS_SECTION = 'loans';

export class AgreementClauseDto {
  /** @example Sorgfaltspflichten */
  @ApiProperty({ example: 'Sorgfaltspflichten', minLength: 1, maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  title: string;

  /** `{retentionDays}` is replaced by the configured retention period. */
  @ApiProperty({ description: '`{retentionDays}` is replaced by the configured retention period.', minLength: 1, maxLength: 3000 })
  @IsString()
  @MinLength(1)
  @MaxLength(3000)
  text: string;
}

export class LoanSettingsDto {
  /** End of the school year as MM-DD: a loan without a due date runs until the next such day. @example 07-31 */
  @ApiProperty({ description: 'End of the school year as MM-DD: a loan without a due date runs until the next such day.', example: '07-31' })
  defaultDueMonthDay: string;
  /** Days after the return until the borrower's personal data are erased. */
  @ApiProperty({ type: 'integer', description: "Days after the return until the borrower's personal data are erased." })
  retentionDays: number;
  /** The rules printed on the loan agreement (Leihvertrag), in order. */
  @ApiProperty({ type: () => [AgreementClauseDto], description: 'The rules printed on the loan agreement (Leihvertrag), in order.' })
  agreementClauses: AgreementClauseDto[];
}

const IsMonthDay = (): PropertyDecorator => (target: object, propertyName: string | symbol) =>
  registerDecorator({
    name: 'isMonthDay',
    target: target.constructor,
    propertyName: propertyName as string,
    options: { message: `${String(propertyName)} must be a day of the year as MM-DD (not 02-29)` },
    validator: { validate: isMonthDay },
  });

export class UpdateLoanSettingsDto {
  /** @example 07-31 */
  @ApiPropertyOptional({ example: '07-31' })
  @Omittable()
  @IsMonthDay()
  defaultDueMonthDay?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 3650 })
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(3650)
  retentionDays?: number;

  /** The agreement's clauses, in order (1 to 12); they replace the current ones. */
  @ApiPropertyOptional({ type: () => [AgreementClauseDto], minItems: 1, maxItems: 12 })
  @Omittable()
  @NestedList(() => AgreementClauseDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(12)
  agreementClauses?: AgreementClauseDto[];
}

export const DEFAULT_AGREEMENT_CLAUSES: AgreementClauseDto[] = [
  {
    title: 'Zweck und Nutzung',
    text:
      'Das Gerät wird unentgeltlich und ausschließlich für schulische Zwecke überlassen. Es bleibt Eigentum des Schulträgers und darf nicht an Dritte ' +
      'weitergegeben, verkauft, verliehen oder verpfändet werden. Software darf nur mit Zustimmung der Schule installiert werden; ' +
      'Sicherheits- und Verwaltungseinstellungen dürfen nicht verändert oder umgangen werden.',
  },
  {
    title: 'Sorgfaltspflichten',
    text:
      'Gerät und Zubehör sind pfleglich zu behandeln, sicher aufzubewahren und vor Nässe, Hitze, Sturz und Diebstahl zu schützen. ' +
      'Das Gerät wird nur in der mitgegebenen Schutzhülle transportiert und nicht unbeaufsichtigt zurückgelassen. Aufkleber, Beschriftungen ' +
      'und Inventarschilder dürfen nicht entfernt werden.',
  },
  {
    title: 'Schäden und Störungen',
    text:
      'Schäden und Störungen sind der Schule unverzüglich zu melden. Reparaturen veranlasst ausschließlich die Schule oder der Schulträger; ' +
      'eigene Reparaturversuche sind nicht erlaubt. Für Schäden, die vorsätzlich oder grob fahrlässig verursacht werden, haften die ' +
      'Entleihenden bzw. ihre Erziehungsberechtigten nach den gesetzlichen Vorschriften.',
  },
  {
    title: 'Verlust und Diebstahl',
    text:
      'Ein Verlust ist der Schule unverzüglich mitzuteilen. Bei Diebstahl ist Anzeige bei der Polizei zu erstatten und der Schule eine Kopie ' +
      'der Anzeige vorzulegen. Wird der Verlust vorsätzlich oder grob fahrlässig verursacht, kann der Schulträger Ersatz des Zeitwerts verlangen.',
  },
  {
    title: 'Rückgabe',
    text:
      'Das Gerät ist mit dem vollständigen Zubehör spätestens am Ende der Leihdauer, beim Verlassen der Schule oder auf Verlangen der Schule ' +
      '(z. B. zur Wartung) in ordnungsgemäßem Zustand zurückzugeben. Persönliche Daten auf dem Gerät werden bei der Rückgabe gelöscht.',
  },
  {
    title: 'Datenschutz',
    text:
      'Die Schule verarbeitet Name, Schülernummer, Klasse und ggf. die Erziehungsberechtigten ausschließlich zur Durchführung dieses ' +
      'Leihvertrags (Art. 6 Abs. 1 lit. b und e DSGVO). Diese Angaben werden {retentionDays} Tage nach der Rückgabe gelöscht.',
  },
];

export const DEFAULT_LOAN_SETTINGS: LoanSettingsDto = {
  defaultDueMonthDay: '07-31',
  retentionDays: 365,
  agreementClauses: DEFAULT_AGREEMENT_CLAUSES,
};

/** The stored section over the defaults; values of the wrong shape (hand-edited JSON) fall back to the default. */
export function effectiveLoanSettings(stored: Partial<LoanSettingsDto> | null | undefined): LoanSettingsDto {
  const s = stored ?? {};
  return {
    defaultDueMonthDay: isMonthDay(s.defaultDueMonthDay) ? s.defaultDueMonthDay : DEFAULT_LOAN_SETTINGS.defaultDueMonthDay,
    retentionDays: Number.isInteger(s.retentionDays) && (s.retentionDays as number) >= 0 ? (s.retentionDays as number) : DEFAULT_LOAN_SETTINGS.retentionDays,
    agreementClauses: Array.isArray(s.agreementClauses) && s.agreementClauses.length > 0 ? s.agreementClauses : DEFAULT_LOAN_SETTINGS.agreementClauses,
  };
}

/** Reads and writes the loans section of the authority settings. */
@Injectable()
export class LoanSettingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly authorities: AuthoritiesService,
  ) {}

  async forAuthority(em: EntityManager, authorityId: string): Promise<LoanSettingsDto> {
    return effectiveLoanSettings(await this.authorities.settingsSection<LoanSettingsDto>(authorityId, LOAN_SETTINGS_SECTION, em));
  }

  get(actor: Actor): Promise<LoanSettingsDto> {
    return this.forAuthority(this.dataSource.manager, tenantOf(actor));
  }

  async update(actor: Actor, dto: UpdateLoanSettingsDto): Promise<LoanSettingsDto> {
    const authorityId = tenantOf(actor);
    return transaction(this.dataSource, async (em) => {
      // Fields left out stay undefined here; the section merge keeps their stored values.
      const value = {
        defaultDueMonthDay: dto.defaultDueMonthDay,
        retentionDays: dto.retentionDays,
        agreementClauses: dto.agreementClauses?.map((c) => ({ title: c.title, text: c.text })),
      };
      await this.authorities.updateSettingsSection(em, actor, LOAN_SETTINGS_SECTION, value);
      return this.forAuthority(em, authorityId);
    });
  }
}
