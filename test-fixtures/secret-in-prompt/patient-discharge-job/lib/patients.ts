// Data access for the discharge-letter job (parameterised queries only)
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

export interface PatientRow {
  id: string;
  dateOfBirth: string;
  diagnosis: string;
  ward: string;
}

export async function patientsDischargedToday(): Promise<PatientRow[]> {
  const { rows } = await pool.query<PatientRow>(
    'SELECT id, date_of_birth AS "dateOfBirth", diagnosis, ward FROM admissions WHERE discharged_on = CURRENT_DATE',
  );
  return rows;
}

export async function saveLetter(patientId: string, letter: string): Promise<void> {
  await pool.query('INSERT INTO discharge_letters (patient_id, body) VALUES ($1, $2)', [patientId, letter]);
}
