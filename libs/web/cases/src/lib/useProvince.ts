import { useSearchParams } from 'react-router-dom';
import { useAuth } from '@gugus/web-auth';

/** The province a province-wide page opens on: `?provinsi=`, else the province of the reader's first grant outside the nation. */
export function useProvince(): string | undefined {
  const { me } = useAuth();
  const [params] = useSearchParams();
  const asked = params.get('provinsi');
  if (asked && /^\d{2}$/.test(asked)) return asked;
  return me?.grants.map((g) => g.jurisdictionCode.split('.')[0]).find((code) => code !== '00');
}
