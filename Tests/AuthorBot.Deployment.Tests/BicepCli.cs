using System.Diagnostics;

namespace AuthorBot.Deployment.Tests;

/// <summary>Runs the Bicep CLI from the NuGet package folder, offline, and collects what it prints.</summary>
internal static class BicepCli
{
    /// <summary>A build on a loaded two-core machine takes seconds; a hung CLI fails the test instead of the run.</summary>
    private static readonly TimeSpan _timeout = TimeSpan.FromMinutes(3);

    // Variables main.bicepparam reads with readEnvironmentVariable(): the developer's own values must not leak into
    // what the tests compile and compare.
    private static readonly string[] _parameterVariables = ["MICROSOFT_APP_TYPE", "MICROSOFT_APP_ID", "MICROSOFT_APP_PASSWORD", "AUTHORBOT_API_KEY", "AUTHORBOT_EMAIL_FROM", "AUTHORBOT_SMTP_HOST", "AUTHORBOT_SMTP_USER", "AUTHORBOT_SMTP_PASSWORD_SECRET_URI", "AUTHORBOT_STORAGE_PROVIDER", "AUTHORBOT_POSTGRES_PASSWORD", "AUTHORBOT_POSTGRES_CONNECTION_STRING_SECRET_URI"];

    public static async Task<BicepRun> RunAsync(string workingDirectory, params string[] arguments)
    {
        var path = BuildPaths.BicepCli;
        EnsureExecutable(path);
        var start = new ProcessStartInfo(path)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var variable in _parameterVariables)
        {
            start.Environment.Remove(variable);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {path}.");
        using var timeout = new CancellationTokenSource(_timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within {_timeout}.");
        }

        return new BicepRun(string.Join(' ', arguments), process.ExitCode, await stdout, await stderr);
    }

    // NuGet restores the binary with the permissions recorded in the package, which have not always included the
    // execute bit.
    private static void EnsureExecutable(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No Bicep CLI at {path}; restore the test project.", path);
        }

        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var mode = File.GetUnixFileMode(path);
        if (!mode.HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
    }
}
