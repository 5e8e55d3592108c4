using System.CommandLine;
using Spectre.Console;

namespace AuthorBot.Bot.Deployment;

/// <summary>
/// <c>dotnet run --project Bot -- teams-package --app-id GUID [--out authorbot-teams.zip] [--app-version 1.0.1]</c>:
/// writes the Teams app package for the bot with that Microsoft App ID, ready for "Upload a custom app" in Teams or the
/// Teams admin center.
/// </summary>
internal static class TeamsPackageCommand
{
    public const string Verb = "teams-package";
    public const string DefaultOutput = "authorbot-teams.zip";

    /// <summary>Runs the command; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var appId = new Option<string>("--app-id") { Description = "The bot's Microsoft App ID (deployment output microsoftAppId).", Required = true };
        var output = new Option<string>("--out") { Description = "The zip to write.", DefaultValueFactory = _ => DefaultOutput };
        var version = new Option<string?>("--app-version") { Description = "The app's version (MAJOR.MINOR.PATCH); raise it for every update of an uploaded app." };
        var template = new Option<string>("--template")
        {
            Description = "The folder with manifest.json and the icons.",
            DefaultValueFactory = _ => TeamsAppPackage.DefaultTemplateDirectory,
        };

        var root = new RootCommand("Builds the Teams app package (manifest.json, color.png, outline.png) for a deployed AuthorBot.");
        foreach (var option in new Option[] { appId, output, version, template })
        {
            root.Options.Add(option);
        }

        root.SetAction(async (result, ct) =>
        {
            if (!Guid.TryParse(result.GetValue(appId), out var id))
            {
                console.MarkupLineInterpolated($"[red]--app-id must be a GUID[/] (the bot's Microsoft App ID), not '{result.GetValue(appId)}'.");
                return 2;
            }

            var path = Path.GetFullPath(result.GetValue(output)!);
            try
            {
                var package = await TeamsAppPackage.BuildAsync(result.GetValue(template)!, id, result.GetValue(version), ct).ConfigureAwait(false);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllBytesAsync(path, package, ct).ConfigureAwait(false);
            }
            catch (TeamsPackageException ex)
            {
                console.MarkupLineInterpolated($"[red]{ex.Message}[/]");
                return 2;
            }
            catch (IOException ex)
            {
                console.MarkupLineInterpolated($"[red]Could not write {path}:[/] {ex.Message}");
                return 1;
            }
            catch (UnauthorizedAccessException ex)
            {
                console.MarkupLineInterpolated($"[red]Could not write {path}:[/] {ex.Message}");
                return 1;
            }

            console.MarkupLineInterpolated($"Wrote [bold]{path}[/] for bot {id:D}. Upload it in Teams (Apps > Manage your apps > Upload an app) or in the Teams admin center.");
            return 0;
        });

        return await root.Parse(args).InvokeAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
