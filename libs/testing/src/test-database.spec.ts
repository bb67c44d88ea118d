import { Client } from 'pg';
import { createTestDatabase, describeWithServices } from './index';

describeWithServices(['postgres'], 'createTestDatabase', () => {
  it('gives each caller its own empty database and drops it', async () => {
    const a = await createTestDatabase('spec');
    const b = await createTestDatabase('spec');
    expect(a.name).not.toEqual(b.name);
    const client = new Client({ connectionString: a.url });
    await client.connect();
    const { rows } = await client.query('SELECT current_database() AS db');
    await client.end();
    expect(rows[0].db).toEqual(a.name);
    await a.drop();
    await b.drop();
  });
});
