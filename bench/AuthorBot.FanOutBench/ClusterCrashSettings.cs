namespace AuthorBot.FanOutBench;

/// <summary>What the cluster crash benchmark (<c>cluster-crash</c>) does.</summary>
/// <param name="Instances">Bot processes sharing one PostgreSQL database.</param>
/// <param name="Readers">Emulator-channel readers in the announcement (each its own conversation).</param>
/// <param name="Rate">Announcements:MaxPerSecond of each instance (each paces its own sends).</param>
/// <param name="Kills">Runs, each on a fresh database, with one instance SIGKILLed part-way.</param>
/// <param name="Lease">Proactive:LeaseDuration: how long a dead instance's claimed deliveries wait before another takes them.</param>
/// <param name="Seed">Seeds the point of each kill (20-70 % of the readers delivered).</param>
internal sealed record ClusterCrashSettings(int Instances, int Readers, int Rate, int Kills, TimeSpan Lease, int Seed);
