// socket.io chat: the client's text is only ever the user message; the system prompt is constant.
import { Server } from 'socket.io';
import Anthropic from '@anthropic-ai/sdk';

const anthropic = new Anthropic();
const io = new Server(3001, { cors: { origin: 'https://chat.example.com' } });

io.on('connection', (socket) => {
  socket.on('ask', async (payload: { text: string }, ack: (reply: string) => void) => {
    const msg = await anthropic.messages.create({
      model: 'claude-3-5-haiku-latest',
      max_tokens: 400,
      system: 'You are the support assistant of Example Inc. Answer briefly.',
      messages: [{ role: 'user', content: String(payload.text) }],
    });
    ack(msg.content[0].type === 'text' ? msg.content[0].text : '');
  });
});
