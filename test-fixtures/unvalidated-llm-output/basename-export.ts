// The model names an export file, but path.basename strips directories before the fixed export folder.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { GoogleGenAI } from '@google/genai';

const ai = new GoogleGenAI({});
const EXPORT_DIR = path.resolve('exports');

export async function exportReport(reportBody: string) {
  const response = await ai.models.generateContent({
    model: 'gemini-2.5-flash',
    contents: reportBody,
    config: { systemInstruction: 'Suggest a file name ending in .txt for this report. Name only.', maxOutputTokens: 30 },
  });
  const suggested = (response.text ?? 'report.txt').trim();
  // ok: unvalidated-llm-output
  await writeFile(path.join(EXPORT_DIR, path.basename(suggested)), reportBody, 'utf8');
  return suggested;
}
