/** Case-convention fallbacks (QRY-04): the memoised forms equal the converters' own output. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CONVERTERS, conversionsOf } from '../../../src/eval/converters.js';

describe('conversionsOf', () => {
  // [key, camel, class, kebab, pascal, snake, title, train]
  test.each([
    [
      'BucketName',
      'bucketName',
      'BucketName',
      'bucket-name',
      'BucketName',
      'bucket_name',
      'Bucket Name',
      'Bucket-Name',
    ],
    [
      'bucket_name',
      'bucketName',
      'BucketName',
      'bucket-name',
      'BucketName',
      'bucket_name',
      'Bucket Name',
      'Bucket-Name',
    ],
    [
      'HTTPServer',
      'httpServer',
      'HttpServer',
      'http-server',
      'HttpServer',
      'http_server',
      'Http Server',
      'Http-Server',
    ],
    [
      's3bucket',
      's3bucket',
      'S3bucket',
      's3bucket',
      'S3bucket',
      's3bucket',
      'S3bucket',
      'S3bucket',
    ],
    [
      'S3Bucket',
      's3Bucket',
      'S3Bucket',
      's3-bucket',
      'S3Bucket',
      's3_bucket',
      'S3 Bucket',
      'S3-Bucket',
    ],
    [
      'ÄpfelBaum',
      'äpfelBaum',
      'ÄpfelBaum',
      'äpfel-baum',
      'ÄpfelBaum',
      'äpfel_baum',
      'Äpfel Baum',
      'Äpfel-Baum',
    ],
    ['--', '', '', '', '', '', '', ''],
  ])('%s', (key, ...expected) => {
    expect(conversionsOf(key)).toEqual(expected);
  });

  test('memoised: the same array for the same key', () => {
    expect(conversionsOf('SomeKey')).toBe(conversionsOf('SomeKey'));
  });

  test('equals running every converter, for any string (ASCII fast path included)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' })), (key) => {
        expect(conversionsOf(key)).toEqual(CONVERTERS.map((convert) => convert(key)));
      }),
      { numRuns: 300 },
    );
  });
});
