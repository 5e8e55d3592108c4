namespace AuthorBot.FanOutBench;

/// <summary>What the crash benchmark (<c>crash</c>) does.</summary>
/// <param name="Kills">Runs, each with one SIGKILL part-way through an announcement and one restart.</param>
/// <param name="Readers">Emulator-channel readers (each its own conversation at the channel process).</param>
/// <param name="DirectLineReaders">Readers of the bot's own Direct Line channel, started through its token endpoint.</param>
/// <param name="Rate">Announcements:MaxPerSecond.</param>
/// <param name="Seed">Seeds the point of each kill (20-70 % of the Emulator readers delivered).</param>
/// <param name="BaselineDirectory">Another build of the bot (its output folder); each kill then runs on it too, alternately.</param>
internal sealed record CrashSettings(int Kills, int Readers, int DirectLineReaders, int Rate, int Seed, string? BaselineDirectory = null);
