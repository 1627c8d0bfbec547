//! A ZIP archive writer, just enough for a data download: deflated files, no folders,
//! no encryption, no ZIP64 (a download is far below 4 GiB).

use flate2::{write::DeflateEncoder, Compression, Crc};
use std::io::Write;

/// Builds an archive in memory, one file at a time.
#[derive(Default)]
pub struct ZipWriter {
    out: Vec<u8>,
    central: Vec<u8>,
    count: u16,
}

impl ZipWriter {
    /// Adds `name` with `content`, deflated.
    pub fn add(&mut self, name: &str, content: &[u8]) {
        let mut crc = Crc::new();
        crc.update(content);
        let mut encoder = DeflateEncoder::new(Vec::new(), Compression::default());
        encoder.write_all(content).expect("writing to memory");
        let packed = encoder.finish().expect("writing to memory");
        let offset = self.out.len() as u32;
        // Local file header: signature, version 2.0, UTF-8 names, deflate, a fixed
        // 1 Jan 1980 timestamp (the files' dates are inside them), sizes, name.
        let fields = |out: &mut Vec<u8>| {
            out.extend_from_slice(&0x0800u16.to_le_bytes());
            out.extend_from_slice(&8u16.to_le_bytes());
            out.extend_from_slice(&0u16.to_le_bytes());
            out.extend_from_slice(&0x0021u16.to_le_bytes());
            out.extend_from_slice(&crc.sum().to_le_bytes());
            out.extend_from_slice(&(packed.len() as u32).to_le_bytes());
            out.extend_from_slice(&(content.len() as u32).to_le_bytes());
            out.extend_from_slice(&(name.len() as u16).to_le_bytes());
            out.extend_from_slice(&0u16.to_le_bytes());
        };
        self.out.extend_from_slice(&0x04034b50u32.to_le_bytes());
        self.out.extend_from_slice(&20u16.to_le_bytes());
        fields(&mut self.out);
        self.out.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(&packed);

        self.central.extend_from_slice(&0x02014b50u32.to_le_bytes());
        self.central.extend_from_slice(&20u16.to_le_bytes());
        self.central.extend_from_slice(&20u16.to_le_bytes());
        fields(&mut self.central);
        // Comment length, disk number, internal and external attributes, offset.
        self.central.extend_from_slice(&[0u8; 10]);
        self.central.extend_from_slice(&offset.to_le_bytes());
        self.central.extend_from_slice(name.as_bytes());
        self.count += 1;
    }

    /// The finished archive.
    pub fn finish(mut self) -> Vec<u8> {
        let start = self.out.len() as u32;
        let size = self.central.len() as u32;
        self.out.append(&mut self.central);
        self.out.extend_from_slice(&0x06054b50u32.to_le_bytes());
        self.out.extend_from_slice(&[0u8; 4]);
        self.out.extend_from_slice(&self.count.to_le_bytes());
        self.out.extend_from_slice(&self.count.to_le_bytes());
        self.out.extend_from_slice(&size.to_le_bytes());
        self.out.extend_from_slice(&start.to_le_bytes());
        self.out.extend_from_slice(&0u16.to_le_bytes());
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::ZipWriter;
    use flate2::read::DeflateDecoder;
    use std::io::Read;

    /// Reads the archive back by its central directory, as an unzip tool does.
    fn files(archive: &[u8]) -> Vec<(String, Vec<u8>)> {
        let end = archive.len() - 22;
        assert_eq!(&archive[end..end + 4], &[0x50, 0x4b, 0x05, 0x06]);
        let count = u16::from_le_bytes([archive[end + 10], archive[end + 11]]) as usize;
        let mut at = u32::from_le_bytes(archive[end + 16..end + 20].try_into().unwrap()) as usize;
        let mut out = Vec::new();
        for _ in 0..count {
            let u16_at = |i: usize| u16::from_le_bytes([archive[i], archive[i + 1]]) as usize;
            let u32_at =
                |i: usize| u32::from_le_bytes(archive[i..i + 4].try_into().unwrap()) as usize;
            assert_eq!(u32_at(at), 0x02014b50);
            let (packed, name_len, local) = (u32_at(at + 20), u16_at(at + 28), u32_at(at + 42));
            let name = String::from_utf8(archive[at + 46..at + 46 + name_len].to_vec()).unwrap();
            let data_at = local + 30 + u16_at(local + 26);
            let mut content = Vec::new();
            DeflateDecoder::new(&archive[data_at..data_at + packed])
                .read_to_end(&mut content)
                .unwrap();
            out.push((name, content));
            at += 46 + name_len;
        }
        out
    }

    #[test]
    fn files_come_back_as_written() {
        let mut zip = ZipWriter::default();
        zip.add("summary.html", b"<h1>Your data</h1>");
        zip.add(
            "signups.csv",
            "name\r\n\"Zo\u{eb}\"\r\n".repeat(50).as_bytes(),
        );
        let archive = zip.finish();
        let read = files(&archive);
        assert_eq!(read.len(), 2);
        assert_eq!(
            read[0],
            ("summary.html".into(), b"<h1>Your data</h1>".to_vec())
        );
        assert_eq!(
            read[1].1,
            "name\r\n\"Zo\u{eb}\"\r\n".repeat(50).into_bytes()
        );
    }
}
