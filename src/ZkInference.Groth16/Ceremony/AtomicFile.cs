namespace ZkInference.Groth16.Ceremony;

/// <summary>Writes a file through a temporary file in the same folder, renamed over the target only on success.</summary>
internal static class AtomicFile
{
    /// <summary>Runs <paramref name="write"/> on a temporary stream, then renames it to <paramref name="path"/>; on failure nothing is left behind.</summary>
    public static T Write<T>(string path, Func<FileStream, T> write)
    {
        string full = System.IO.Path.GetFullPath(path);
        string dir = System.IO.Path.GetDirectoryName(full) ?? ".";
        string temp = System.IO.Path.Combine(dir, $".{System.IO.Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        FileStream stream;
        try { stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new Groth16Exception($"{path}: cannot be created: {e.Message}", e);
        }
        try
        {
            T result;
            using (stream) { result = write(stream); stream.Flush(); }
            File.Move(temp, full, overwrite: true);
            return result;
        }
        catch
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
    }
}
