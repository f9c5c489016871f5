// CLI: a file named on the command line is read and used as Gemini's systemInstruction
import { readFile } from 'node:fs/promises';
import { GoogleGenAI } from '@google/genai';

const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });

async function main() {
  const [rubricPath, essayPath] = process.argv.slice(2);
  const rubric = await readFile(rubricPath, 'utf8');
  const essay = await readFile(essayPath, 'utf8');

  const response = await ai.models.generateContent({
    model: 'gemini-2.5-flash',
    contents: [{ role: 'user', parts: [{ text: essay }] }],
    config: {
      // expect: prompt-injection
      systemInstruction: 'Grade the essay strictly against this rubric and return a score out of 10.\n' + rubric,
      maxOutputTokens: 1024,
    },
  });
  console.log(response.text);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
