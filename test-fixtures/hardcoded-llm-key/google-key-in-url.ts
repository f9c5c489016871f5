// REST call to the Gemini API with a literal key in the URL query string
export async function altText(imageDescription: string): Promise<string> {
  const res = await fetch(
    // expect: hardcoded-llm-key
    'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent?key=AIzaSyKzQyf1VNbuFO1EG7ecxUT8BWn-TXPPvrB',
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        systemInstruction: { parts: [{ text: 'Write concise alt text (max 120 characters).' }] },
        contents: [{ role: 'user', parts: [{ text: imageDescription }] }],
        generationConfig: { maxOutputTokens: 60 },
      }),
    },
  );
  const json = await res.json();
  return json.candidates?.[0]?.content?.parts?.[0]?.text ?? '';
}
