// Nightly job: date of birth and diagnosis (loaded in another file) go into a legacy Gemini prompt
import { GoogleGenerativeAI } from '@google/generative-ai';
import { patientsDischargedToday, saveLetter } from '../lib/patients';

const genAI = new GoogleGenerativeAI(process.env.GOOGLE_API_KEY!);
const model = genAI.getGenerativeModel({
  model: 'gemini-1.5-flash',
  systemInstruction: 'You write discharge letters for general practitioners.',
  generationConfig: { maxOutputTokens: 1024 },
});

export async function run(): Promise<void> {
  for (const p of await patientsDischargedToday()) {
    const result = await model.generateContent(
      // expect: secret-in-prompt
      `Write a discharge letter. Patient born ${p.dateOfBirth}, diagnosis: ${p.diagnosis}, ward ${p.ward}.`,
    );
    await saveLetter(p.id, result.response.text());
  }
}

run().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
