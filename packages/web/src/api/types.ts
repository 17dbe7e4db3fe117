/** Response shapes of the Stride API (see /docs for the full document). */
export interface Me {
  id: string;
  handle: string;
  display_name: string;
  email: string;
  sex: 'M' | 'F' | 'X' | null;
  birth_year: number | null;
  weight: number | null;
  country: string | null;
  region: string | null;
  city: string | null;
  units: 'metric' | 'imperial';
  default_visibility: 'everyone' | 'followers' | 'only_me';
  hide_start: number;
  hide_end: number;
  created_at: string;
}

export interface Session {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  athlete: Me;
}
