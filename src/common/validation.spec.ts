import { IsInt, IsString, validateSync } from 'class-validator';
import { rememberValidationMetadata } from './validation';

describe('rememberValidationMetadata', () => {
  it('validates as before, also for classes (and subclasses) decorated after the first validation', () => {
    rememberValidationMetadata();
    rememberValidationMetadata(); // once is enough; a second call changes nothing
    class Base {
      @IsInt()
      count!: unknown;
    }
    const failed = (o: object) => validateSync(o, { whitelist: true, forbidNonWhitelisted: true }).flatMap((e) => Object.keys(e.constraints ?? {}).map((c) => `${e.property}:${c}`));
    const base = (count: unknown) => Object.assign(new Base(), { count });
    expect(failed(base(1))).toEqual([]);
    expect(failed(base('x'))).toEqual(['count:isInt']);
    expect(failed(Object.assign(base(2), { extra: 1 }))).toEqual(['extra:whitelistValidation']);

    // Declared now: its decorators register metadata after Base's was remembered.
    class Derived extends Base {
      @IsString()
      name!: unknown;
    }
    const derived = (count: unknown, name: unknown) => Object.assign(new Derived(), { count, name });
    expect(failed(derived(1, 'a'))).toEqual([]);
    expect(failed(derived('x', 2)).sort()).toEqual(['count:isInt', 'name:isString']);
    expect(failed(Object.assign(base(3), { name: 'a' }))).toEqual(['name:whitelistValidation']);
    expect(failed(base('y'))).toEqual(['count:isInt']);

    // A rule added to a class already validated (a decorator applied late) counts from then on.
    IsInt()(Derived.prototype, 'later');
    expect(failed(Object.assign(derived(1, 'a'), { later: 'z' }))).toEqual(['later:isInt']);
    expect(failed(Object.assign(base(1), { later: 2 }))).toEqual(['later:whitelistValidation']);
  });
});
