// React Native screen that calls Groq through the client from lib/groq.ts
import { useState } from 'react';
import { View, Text, TextInput, Button } from 'react-native';
import { groq, MODEL } from '../../lib/groq';

export default function AssistantScreen() {
  const [question, setQuestion] = useState('');
  const [answer, setAnswer] = useState('');

  async function ask() {
    const chat = await groq.chat.completions.create({
      model: MODEL,
      max_completion_tokens: 300,
      messages: [
        { role: 'system', content: 'You are a travel-planning assistant. Be concise.' },
        { role: 'user', content: question },
      ],
    });
    setAnswer(chat.choices[0]?.message?.content ?? '');
  }

  return (
    <View>
      <TextInput value={question} onChangeText={setQuestion} placeholder="Ask about your trip" />
      <Button title="Ask" onPress={ask} />
      <Text>{answer}</Text>
    </View>
  );
}
