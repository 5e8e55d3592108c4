using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AuthorBot.Bot.Deployment;

/// <summary>
/// Builds the Teams app package from the template in deploymentTemplates/teams (copied next to the binaries): a zip
/// holding manifest.json, with the bot's Microsoft App ID filled in, and the two icons the manifest names, all at its
/// root as Teams requires.
/// </summary>
internal static partial class TeamsAppPackage
{
    public const string ManifestFileName = "manifest.json";

    /// <summary>Where the build puts the template: the TeamsPackage folder beside the binaries.</summary>
    public static string DefaultTemplateDirectory => Path.Combine(AppContext.BaseDirectory, "TeamsPackage");

    /// <summary>Writes the package for <paramref name="appId"/>, optionally with a new app <paramref name="version"/>.</summary>
    /// <exception cref="TeamsPackageException">The id, the version or the template is not usable.</exception>
    public static async Task<byte[]> BuildAsync(string templateDirectory, Guid appId, string? version, CancellationToken cancellationToken)
    {
        // The committed template carries the all-zero id as its placeholder; a package with it would install a bot
        // that no Azure Bot resource answers for.
        if (appId == Guid.Empty)
        {
            throw new TeamsPackageException("The app id is the all-zero placeholder; pass the bot's Microsoft App ID (deployment output microsoftAppId).");
        }

        if (version is not null && !SemanticVersion().IsMatch(version))
        {
            throw new TeamsPackageException($"'{version}' is not a version Teams accepts: use MAJOR.MINOR.PATCH, e.g. 1.0.1.");
        }

        var manifestPath = Path.Combine(templateDirectory, ManifestFileName);
        var manifest = await ReadManifestAsync(manifestPath, cancellationToken).ConfigureAwait(false);
        var id = appId.ToString("D");

        // Teams knows the app by its own id; using the bot's id for it too keeps one id to look after per bot.
        manifest["id"] = id;
        if (manifest["bots"] is not JsonArray { Count: > 0 } bots)
        {
            throw new TeamsPackageException($"{manifestPath} declares no bot (\"bots\" is missing or empty).");
        }

        foreach (var bot in bots)
        {
            if (bot is not JsonObject entry)
            {
                throw new TeamsPackageException($"{manifestPath}: every entry of \"bots\" must be an object.");
            }

            entry["botId"] = id;
        }

        if (version is not null)
        {
            manifest["version"] = version;
        }

        var icons = new[] { IconPath(manifest, "color", templateDirectory, manifestPath), IconPath(manifest, "outline", templateDirectory, manifestPath) };

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var manifestEntry = zip.CreateEntry(ManifestFileName, CompressionLevel.Optimal);
            await using (var stream = manifestEntry.Open())
            {
                await using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
                manifest.WriteTo(writer);
            }

            foreach (var icon in icons)
            {
                var entry = zip.CreateEntry(Path.GetFileName(icon), CompressionLevel.Optimal);
                await using var target = entry.Open();
                await using var source = File.OpenRead(icon);
                await source.CopyToAsync(target, cancellationToken).ConfigureAwait(false);
            }
        }

        return buffer.ToArray();
    }

    private static async Task<JsonObject> ReadManifestAsync(string manifestPath, CancellationToken cancellationToken)
    {
        if (!File.Exists(manifestPath))
        {
            throw new TeamsPackageException($"No Teams manifest at {manifestPath}.");
        }

        try
        {
            await using var stream = File.OpenRead(manifestPath);
            return await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false) as JsonObject
                ?? throw new TeamsPackageException($"{manifestPath} must hold a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new TeamsPackageException($"{manifestPath} is not valid JSON (line {ex.LineNumber + 1}): {ex.Message}", ex);
        }
    }

    private static string IconPath(JsonObject manifest, string kind, string templateDirectory, string manifestPath)
    {
        // Teams reads the icons from the package's root, so the manifest must name plain files there.
        if (manifest["icons"]?[kind] is not JsonValue value || !value.TryGetValue(out string? name) || string.IsNullOrWhiteSpace(name)
            || Path.GetFileName(name) != name)
        {
            throw new TeamsPackageException($"{manifestPath}: icons.{kind} must name a PNG file beside the manifest.");
        }

        var path = Path.Combine(templateDirectory, name);
        return File.Exists(path) ? path : throw new TeamsPackageException($"The {kind} icon {path} is missing.");
    }

    // The manifest schema's own definition of a version (definitions.semver).
    [GeneratedRegex(@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex SemanticVersion();
}
