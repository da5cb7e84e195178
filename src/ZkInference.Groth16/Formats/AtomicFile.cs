namespace ZkInference.Groth16.Formats;

/// <summary>
/// Writes a file atomically: the content goes to a temporary file in the same folder, which is renamed over
/// the target only when complete; on any failure the temporary file is deleted and the target is untouched.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/> atomically.</summary>
    /// <exception cref="Groth16Exception">The file cannot be written (I/O errors are wrapped).</exception>
    public static void Write(string path, Action<Stream> write) => Write(path, s => { write(s); return 0; });

    /// <summary>
    /// Runs <paramref name="write"/> on a temporary file (opened for reading too, so writers can back-patch or
    /// hash what they wrote), renames it over <paramref name="path"/> when it returns, and passes its result on.
    /// </summary>
    /// <exception cref="Groth16Exception">The file cannot be written (I/O errors are wrapped).</exception>
    public static T Write<T>(string path, Func<FileStream, T> write)
    {
        string full = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(full) ?? ".";
        string temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            T result;
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16))
            {
                result = write(stream);
                stream.Flush();
            }
            File.Move(temp, full, overwrite: true);
            return result;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            TryDelete(temp);
            throw new Groth16Exception($"{path}: cannot be written: {e.Message}", e);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Writes text (UTF-8, no BOM) atomically.</summary>
    public static void WriteText(string path, string text) =>
        Write(path, s => { using var w = new StreamWriter(s, new System.Text.UTF8Encoding(false), leaveOpen: true); w.Write(text); });

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
