namespace AuthorBot.Deployment.Tests;

/// <summary>
/// Runs the Bicep CLI once for every template file (a build is seconds of CPU) and keeps the results for all the
/// assertions: <c>build</c> for each .bicep (it compiles and runs the linter), <c>build-params</c> for each .bicepparam,
/// and one <c>lint</c> over the whole folder. Nothing is restored from a registry.
/// </summary>
public sealed class BicepFixture : IAsyncLifetime
{
    private readonly Dictionary<string, BicepRun> _builds = new(StringComparer.Ordinal);

    /// <summary>The .bicep and .bicepparam files under deploymentTemplates, relative to it, with '/' separators.</summary>
    public static IReadOnlyList<string> TemplateFiles { get; } =
    [
        .. Directory.EnumerateFiles(BuildPaths.DeploymentTemplates, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".bicep", StringComparison.Ordinal) || f.EndsWith(".bicepparam", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(BuildPaths.DeploymentTemplates, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>The one lint run over the folder, in SARIF.</summary>
    internal BicepRun Lint { get; private set; } = null!;

    /// <summary>The build of one file: the ARM JSON on stdout (for .bicepparam, the parameters and template as JSON).</summary>
    internal BicepRun Build(string file) => _builds[file];

    public async Task InitializeAsync()
    {
        var root = BuildPaths.DeploymentTemplates;

        // Each run is a quarter of a gigabyte and mostly CPU: more at once than there are cores gains nothing.
        using var slots = new SemaphoreSlim(Math.Max(2, Environment.ProcessorCount));
        var lint = RunAsync("lint", "--no-restore", "--pattern", "**/*.bicep*", "--diagnostics-format", "sarif");
        var builds = TemplateFiles.Select(async file => (file, run: await RunAsync(
            file.EndsWith(".bicepparam", StringComparison.Ordinal) ? "build-params" : "build",
            file,
            "--stdout",
            "--no-restore"))).ToList();
        foreach (var (file, run) in await Task.WhenAll(builds))
        {
            _builds[file] = run;
        }

        Lint = await lint;

        async Task<BicepRun> RunAsync(params string[] arguments)
        {
            await slots.WaitAsync();
            try
            {
                return await BicepCli.RunAsync(root, arguments);
            }
            finally
            {
                slots.Release();
            }
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
