// dcmjs ships no types and there is no @types package: this declares only the slice instance.ts writes Part 10 with.
declare module 'dcmjs' {
  /** A data element as dcmjs keeps it: DICOM JSON's shape, keyed by the tag in 8 hex digits. */
  export interface DicomElement {
    vr: string
    Value?: unknown[]
  }
  export type DenaturalizedDataset = Record<string, DicomElement>

  export namespace data {
    class DicomDict {
      constructor(meta: DenaturalizedDataset)
      meta: DenaturalizedDataset
      dict: DenaturalizedDataset
      /** The whole Part 10 file: preamble, DICM, file meta group, data set. */
      write(options?: { allowInvalidVRLength?: boolean }): ArrayBuffer
    }
    // eslint-disable-next-line @typescript-eslint/no-extraneous-class -- declares a class that has only static members
    class DicomMetaDictionary {
      /** Keyword-named values (PatientName, Rows...) to tag-keyed elements; `_vrMap` gives a VR where several fit. */
      static denaturalizeDataset(dataset: Record<string, unknown>): DenaturalizedDataset
    }
  }
}
