namespace AuthorBot.Tests.Shared;

/// <summary>A scratch folder for one test's data (SQLite files, secrets, harness output), deleted after the test.</summary>
/// <remarks>One source file, compiled into every test project that starts a host (linked from each csproj).</remarks>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Path = Directory.CreateTempSubdirectory("authorbot-tests-").FullName;

    public string Path { get; }

    public void Dispose()
    {
        // SQLite pools connections; clear them so the files can be removed.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing the test over it would hide the real result.
        }
    }
}
