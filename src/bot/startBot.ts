export async function startBot(..._args: unknown[]): Promise<{ stop(): Promise<void> }> {
  throw new Error('todo');
}
