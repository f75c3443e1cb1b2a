package org.selfdata.server;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where an internet address leads, as the server judges it before fetching anything from it for a person: the public
 * internet, or somewhere a request from the server must never go, since the server sits inside networks the person
 * cannot see (its own machine, the operator's private network, a cloud provider's metadata service).
 *
 * <p>The ranges are IANA's special-purpose registries (RFC 6890 and its updates). An IPv6 address that carries an IPv4
 * address (IPv4-mapped, IPv4-compatible, NAT64's well-known prefix, 6to4) is judged by the IPv4 address it leads to,
 * and any IPv6 address outside global unicast (2000::/3) is reserved, so that no other spelling of an internal address
 * passes for a public one.
 */
enum AddressScope {
    PUBLIC,
    LOOPBACK,
    PRIVATE,
    /** The carriers' shared address space (RFC 6598), behind which some cloud providers also put their services. */
    SHARED,
    LINK_LOCAL,
    UNIQUE_LOCAL,
    MULTICAST,
    UNSPECIFIED,
    /** The addresses at which cloud providers answer a machine with its credentials. */
    CLOUD_METADATA,
    /** Documentation, benchmarking, protocol assignments, future use, broadcast: nowhere a document is served. */
    RESERVED;

    /** A range of addresses and where it leads; the first range that holds an address decides. */
    private record Block(byte[] network, int prefix, AddressScope scope) {
        static Block of(String cidr, AddressScope scope) {
            String[] parts = cidr.split("/");
            return new Block(literal(parts[0]).getAddress(), Integer.parseInt(parts[1]), scope);
        }

        boolean holds(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final List<Block> IPV4 = List.of(
            Block.of("169.254.169.254/32", CLOUD_METADATA),
            Block.of("168.63.129.16/32", CLOUD_METADATA),
            Block.of("100.100.100.200/32", CLOUD_METADATA),
            Block.of("192.0.0.192/32", CLOUD_METADATA),
            Block.of("0.0.0.0/8", UNSPECIFIED),
            Block.of("127.0.0.0/8", LOOPBACK),
            Block.of("10.0.0.0/8", PRIVATE),
            Block.of("172.16.0.0/12", PRIVATE),
            Block.of("192.168.0.0/16", PRIVATE),
            Block.of("100.64.0.0/10", SHARED),
            Block.of("169.254.0.0/16", LINK_LOCAL),
            Block.of("224.0.0.0/4", MULTICAST),
            Block.of("192.0.0.0/24", RESERVED),
            Block.of("192.0.2.0/24", RESERVED),
            Block.of("192.88.99.0/24", RESERVED),
            Block.of("198.18.0.0/15", RESERVED),
            Block.of("198.51.100.0/24", RESERVED),
            Block.of("203.0.113.0/24", RESERVED),
            Block.of("240.0.0.0/4", RESERVED));

    private static final List<Block> IPV6 = List.of(
            Block.of("::/128", UNSPECIFIED),
            Block.of("::1/128", LOOPBACK),
            Block.of("fd00:ec2::254/128", CLOUD_METADATA),
            Block.of("64:ff9b:1::/48", PRIVATE),
            Block.of("fc00::/7", UNIQUE_LOCAL),
            Block.of("fe80::/10", LINK_LOCAL),
            Block.of("fec0::/10", PRIVATE),
            Block.of("ff00::/8", MULTICAST),
            Block.of("2001::/23", RESERVED),
            Block.of("2001:db8::/32", RESERVED),
            Block.of("3fff::/20", RESERVED),
            Block.of("2000::/3", PUBLIC));

    /** Where an address leads. */
    static AddressScope of(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return first(IPV4, bytes).orElse(PUBLIC);
        }
        Optional<byte[]> carried = carriedIpv4(bytes);
        if (carried.isPresent() && !isUnspecifiedOrLoopback(bytes)) {
            return first(IPV4, carried.orElseThrow()).orElse(PUBLIC);
        }
        return first(IPV6, bytes).orElse(RESERVED);
    }

    private static Optional<AddressScope> first(List<Block> blocks, byte[] address) {
        return blocks.stream().filter(block -> block.holds(address)).map(Block::scope).findFirst();
    }

    /**
     * The IPv4 address an IPv6 address carries: IPv4-mapped ({@code ::ffff:a.b.c.d}), IPv4-compatible
     * ({@code ::a.b.c.d}), NAT64's well-known prefix ({@code 64:ff9b::a.b.c.d}) and 6to4 ({@code 2002:aabb:ccdd::}).
     */
    private static Optional<byte[]> carriedIpv4(byte[] address) {
        if (startsWith(address, new byte[10]) && ((address[10] == (byte) 0xff && address[11] == (byte) 0xff)
                || (address[10] == 0 && address[11] == 0))) {
            return Optional.of(Arrays.copyOfRange(address, 12, 16));
        }
        if (startsWith(address, new byte[] {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0})) {
            return Optional.of(Arrays.copyOfRange(address, 12, 16));
        }
        if (address[0] == 0x20 && address[1] == 0x02) {
            return Optional.of(Arrays.copyOfRange(address, 2, 6));
        }
        return Optional.empty();
    }

    private static boolean isUnspecifiedOrLoopback(byte[] address) {
        return startsWith(address, new byte[15]) && (address[15] == 0 || address[15] == 1);
    }

    private static boolean startsWith(byte[] address, byte[] prefix) {
        return Arrays.equals(address, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** A literal address, which is never looked up. */
    private static InetAddress literal(String text) {
        try {
            return InetAddress.ofLiteral(text);
        }
        catch (IllegalArgumentException e) {
            throw new IllegalStateException("not an address literal: " + text, e);
        }
    }

    /** The key of the words that say where an address leads, in errors.properties. */
    String key() {
        return "error.server.addressScope." + switch (this) {
            case PUBLIC -> "public";
            case LOOPBACK -> "loopback";
            case PRIVATE -> "private";
            case SHARED -> "shared";
            case LINK_LOCAL -> "linkLocal";
            case UNIQUE_LOCAL -> "uniqueLocal";
            case MULTICAST -> "multicast";
            case UNSPECIFIED -> "unspecified";
            case CLOUD_METADATA -> "cloudMetadata";
            case RESERVED -> "reserved";
        };
    }
}
