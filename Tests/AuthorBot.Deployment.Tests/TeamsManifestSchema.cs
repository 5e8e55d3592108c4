using System.Text.Json;
using Json.Schema;

namespace AuthorBot.Deployment.Tests;

/// <summary>The Teams app manifest schema v1.29 (the copy in Schemas/), ready to validate manifests offline.</summary>
internal sealed class TeamsManifestSchema
{
    private readonly JsonSchema _schema;

    private TeamsManifestSchema(JsonSchema schema) => _schema = schema;

    public static TeamsManifestSchema Load()
    {
        // The schema declares draft-04, which JsonSchema.Net has no dialect for, yet uses draft-06 and draft-07 keywords
        // (const, if/then) that a draft-04 validator would ignore. So its $schema id is registered, in a registry of
        // our own, as draft-07: every keyword it uses is then checked. All its $refs are local (#/definitions,
        // #/properties), so nothing is fetched.
        var dialects = new DialectRegistry();
        dialects.Register(Dialect.Draft07.With([], id: new Uri("http://json-schema.org/draft-04/schema#")));
        var options = new BuildOptions { DialectRegistry = dialects, SchemaRegistry = new SchemaRegistry() };
        return new TeamsManifestSchema(JsonSchema.FromText(File.ReadAllText(BuildPaths.TeamsManifestSchema), options));
    }

    /// <summary>Each violation as "instance location: keyword: message"; empty when the manifest is valid.</summary>
    public IReadOnlyList<string> Validate(JsonElement manifest)
    {
        var results = _schema.Evaluate(manifest, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (results.IsValid)
        {
            return [];
        }

        var errors = (results.Details ?? []).Append(results)
            .Where(r => r.Errors is { Count: > 0 })
            .SelectMany(r => r.Errors!.Select(e => $"{r.InstanceLocation}: {e.Key}: {e.Value}"))
            .ToList();
        return errors.Count > 0 ? errors : ["invalid (no details reported)"];
    }
}
