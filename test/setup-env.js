// n8n's error reporter logs every node error to the console; the tests expect many errors on
// purpose, so n8n's own logger is silenced. (The key-leak test captures that logger directly.)
process.env.N8N_LOG_LEVEL = 'silent';
