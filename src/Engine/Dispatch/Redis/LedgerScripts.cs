namespace Warning.Engine.Dispatch.Redis;

/// <summary>
/// The claim ledger's Lua. Recipients travel as one blob of little-endian uint32 (4 bytes each) instead of one
/// argument each, and bits are read and written by BITFIELD in chunks (SET returns the old bit), so a batch of
/// 10,000 costs about 20 Redis commands inside one script call.
/// </summary>
internal static class LedgerScripts
{
    /// <summary>
    /// KEYS: claimed, confirmed. ARGV: time to live (ms), recipients blob.
    /// Returns one byte per recipient: 0 Claimed, 1 AlreadyConfirmed, 2 ClaimedNotConfirmed (the enum's values).
    /// </summary>
    public const string Claim = """
        local blob = ARGV[2]
        local n = #blob / 4
        local out = {}
        local chunk = 1000
        for first = 1, n, chunk do
          local last = math.min(first + chunk - 1, n)
          local args = {}
          local pos = (first - 1) * 4 + 1
          for i = first, last do
            local r = struct.unpack('<I4', blob, pos)
            pos = pos + 4
            local a = (i - first) * 4
            args[a + 1] = 'SET'; args[a + 2] = 'u1'; args[a + 3] = r; args[a + 4] = 1
          end
          local old = redis.call('BITFIELD', KEYS[1], unpack(args))
          local seen, at = {}, {}
          for k = 1, #old do
            if old[k] == 1 then
              local s = #seen
              seen[s + 1] = 'GET'; seen[s + 2] = 'u1'; seen[s + 3] = args[(k - 1) * 4 + 3]
              at[#at + 1] = first + k - 1
            else
              out[first + k - 1] = 0
            end
          end
          if #at > 0 then
            local confirmed = redis.call('BITFIELD', KEYS[2], unpack(seen))
            for k = 1, #at do
              out[at[k]] = (confirmed[k] == 1) and 1 or 2
            end
          end
        end
        redis.call('PEXPIRE', KEYS[1], ARGV[1])
        redis.call('PEXPIRE', KEYS[2], ARGV[1])
        local parts = {}
        for first = 1, n, chunk do
          parts[#parts + 1] = string.char(unpack(out, first, math.min(first + chunk - 1, n)))
        end
        return table.concat(parts)
        """;

    /// <summary>
    /// KEYS: claimed, confirmed. ARGV: recipients blob. Sets both bits (a confirm implies a claim) and gives the
    /// confirmed bitmap the claimed one's remaining life; a ledger that has already expired takes no confirms.
    /// </summary>
    public const string Confirm = """
        local ttl = redis.call('PTTL', KEYS[1])
        if ttl <= 0 then
          return 0
        end
        local blob = ARGV[1]
        local n = #blob / 4
        local chunk = 1000
        for first = 1, n, chunk do
          local last = math.min(first + chunk - 1, n)
          local args = {}
          local pos = (first - 1) * 4 + 1
          for i = first, last do
            local r = struct.unpack('<I4', blob, pos)
            pos = pos + 4
            local a = (i - first) * 4
            args[a + 1] = 'SET'; args[a + 2] = 'u1'; args[a + 3] = r; args[a + 4] = 1
          end
          redis.call('BITFIELD', KEYS[1], unpack(args))
          redis.call('BITFIELD', KEYS[2], unpack(args))
        end
        redis.call('PEXPIRE', KEYS[2], ttl)
        return n
        """;
}
