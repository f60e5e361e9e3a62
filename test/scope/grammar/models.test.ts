import { describe, expect, it } from 'vitest';
import { entitiesFromCode, isDtoName } from '../../../lib/scope/grammar/models.js';
import type { Entity } from '../../../lib/types.js';

const lines = (...rows: string[]): string => rows.join('\n');
const tables = (entities: Entity[]): string[] => entities.map((entity) => entity.table);
const columnNames = (entity: Entity | undefined): string[] => entity?.columns.map((column) => column.name) ?? [];
const byTable = (entities: Entity[], table: string): Entity | undefined => entities.find((entity) => entity.table === table);

const SQL = lines('CREATE TABLE bookmarks (', '  id uuid PRIMARY KEY,', '  url text NOT NULL UNIQUE,', '  folder_id uuid REFERENCES folders(id)', ');');

const PRISMA = lines(
  'model Warehouse {',
  '  id        String          @id @default(uuid())',
  '  code      String          @unique',
  '  label     String?',
  '  status    WarehouseStatus @default(OPEN)',
  '  bins      Bin[]',
  '  createdAt DateTime        @default(now())',
  '  @@map("warehouses")',
  '}',
  '',
  'model Bin {',
  '  id          Int       @id @default(autoincrement())',
  '  warehouseId String',
  '  warehouse   Warehouse @relation(fields: [warehouseId], references: [id])',
  '  tags        String[]',
  '}',
  '',
  'enum WarehouseStatus {',
  '  OPEN',
  '  CLOSED',
  '}',
);

const MERMAID = lines(
  'erDiagram',
  '  WAREHOUSE ||--o{ BIN : holds',
  '  WAREHOUSE {',
  '    uuid id PK',
  '    string code UK "short code"',
  '  }',
  '  BIN {',
  '    int id PK',
  '    uuid warehouse_id FK',
  '    varchar(40) label',
  '  }',
);

const DRIZZLE = lines(
  "import { pgTable, text, integer, uuid, pgEnum } from 'drizzle-orm/pg-core';",
  "export const binKind = pgEnum('bin_kind', ['shelf', 'pallet']);",
  "export const warehouses = pgTable('warehouses', {",
  "  id: uuid('id').primaryKey().defaultRandom(),",
  "  code: text('code').notNull().unique(),",
  "  capacity: integer('capacity').default(100),",
  '});',
  'export const bins = pgTable("bins", {',
  "  id: integer('id').primaryKey(),",
  "  warehouseId: uuid('warehouse_id').references(() => warehouses.id).notNull(),",
  "  kind: binKind('kind'),",
  "  state: text('state', { enum: ['empty', 'full'] }),",
  '});',
);

const TS_INTERFACES = lines(
  'export interface Invoice {',
  '  id: string;',
  '  number: string;',
  '  memo?: string | null;',
  "  status: 'draft' | 'paid';",
  '  currency: Currency;',
  '  lines: InvoiceLine[];',
  '  customer: Customer;',
  '}',
  'interface InvoiceLine { sku: string; qty: number }',
  'interface Customer { id: string }',
  "type Currency = 'EUR' | 'USD';",
  'export interface CreateInvoiceRequest { number: string }',
  'export type InvoiceResponse = { id: string };',
);

const TYPEORM = lines(
  "@Entity('invoices')",
  'export class Invoice {',
  "  @PrimaryGeneratedColumn('uuid') id: string;",
  '  @Column({ unique: true }) number: string;',
  "  @Column({ nullable: true, default: 'n/a' }) memo: string;",
  '  @ManyToOne(() => Customer) customer: Customer;',
  '  get label(): string { return this.number; }',
  '}',
  'class Customer { id: string }',
);

const SQLALCHEMY = lines(
  'from sqlalchemy.orm import Mapped, mapped_column, relationship',
  '',
  'class BinKind(str, enum.Enum):',
  '    SHELF = "shelf"',
  '    PALLET = "pallet"',
  '',
  'class Warehouse(Base):',
  '    __tablename__ = "warehouses"',
  '',
  '    id: Mapped[int] = mapped_column(primary_key=True)',
  '    code: Mapped[str] = mapped_column(String(12), unique=True)',
  '    label: Mapped[Optional[str]]',
  '    bins: Mapped[list["Bin"]] = relationship(back_populates="warehouse")',
  '',
  'class Bin(Base):',
  '    __tablename__ = "bins"',
  '    id = Column(Integer, primary_key=True)',
  '    warehouse_id = Column(ForeignKey("warehouses.id"), nullable=False)',
  '    kind = Column(Enum(BinKind), default=BinKind.SHELF)',
  '    note = Column(Text)  # free text',
  '',
  'class WarehouseSummary(BaseModel):',
  '    id: int',
);

const SQLMODEL = lines(
  'class Invoice(SQLModel, table=True):',
  '    __tablename__ = "invoices"',
  '    id: int | None = Field(default=None, primary_key=True)',
  '    number: str = Field(unique=True, max_length=20)',
  '    customer_id: int = Field(foreign_key="customers.id")',
  '    memo: Optional[str] = None',
  '',
  'class InvoiceBase(SQLModel):',
  '    number: str',
);

const DJANGO = lines(
  'from django.db import models',
  '',
  'class Customer(models.Model):',
  '    name = models.CharField(max_length=120)',
  '',
  '    class Meta:',
  '        db_table = "billing_customers"',
  '',
  'class Invoice(models.Model):',
  '    class Status(models.TextChoices):',
  '        DRAFT = "draft", "Draft"',
  '        PAID = "paid", "Paid"',
  '',
  '    number = models.CharField(max_length=20, unique=True)',
  '    customer = models.ForeignKey(Customer, on_delete=models.CASCADE)',
  '    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)',
  '    paid_at = models.DateTimeField(null=True, blank=True)',
  '    tags = models.ManyToManyField("Tag")',
  '    objects = models.Manager()',
  '',
  '    def __str__(self):',
  '        return self.number',
);

const DATACLASSES = lines(
  '@dataclass',
  'class Shipment:',
  '    tracking_code: str',
  '    weight_kg: float = 0.0',
  '    delivered_at: datetime | None = None',
  '    items: list["ShipmentItem"] = field(default_factory=list)',
  '',
  '@dataclass',
  'class ShipmentItem:',
  '    sku: str',
);

const GO = lines(
  'package billing',
  '',
  'type Invoice struct {',
  '\tgorm.Model',
  '\tNumber     string  `gorm:"uniqueIndex;not null" json:"number"`',
  '\tMemo       *string',
  '\tCustomerID uint    `gorm:"not null"`',
  '\tCustomer   Customer',
  '\tLines      []InvoiceLine `gorm:"foreignKey:InvoiceID"`',
  '\tStatus     string  `gorm:"default:draft"`',
  '}',
  '',
  'type InvoiceLine struct {',
  '\tID        uint `gorm:"primaryKey"`',
  '\tInvoiceID uint',
  '}',
  '',
  'type Customer struct {',
  '\tgorm.Model',
  '}',
  '',
  'type InvoiceResponse struct {',
  '\tNumber string',
  '}',
  '',
  'func (Invoice) TableName() string { return "billing_invoices" }',
);

const RUST = lines(
  'use uuid::Uuid;',
  '',
  '#[derive(Debug, Queryable)]',
  '#[diesel(table_name = warehouses)]',
  'pub struct Warehouse {',
  '    pub id: Uuid,',
  '    pub code: String,',
  '    pub label: Option<String>,',
  '    pub bins: Vec<Bin>,',
  '    pub dims: HashMap<String, i32>,',
  '}',
  '',
  '#[derive(Debug)]',
  'pub struct Bin {',
  '    #[sea_orm(primary_key)]',
  '    pub id: i64,',
  '    pub warehouse_id: Uuid,',
  '}',
  '',
  '#[derive(Deserialize)]',
  'pub struct WarehouseInput { pub code: String }',
  '',
  'pub enum BinKind { Shelf, Pallet }',
);

const JAVA = lines(
  'package com.acme.billing;',
  '',
  'import jakarta.persistence.*;',
  '',
  '@Entity',
  '@Table(name = "invoices")',
  'public class Invoice {',
  '    @Id',
  '    @GeneratedValue(strategy = GenerationType.IDENTITY)',
  '    private Long id;',
  '',
  '    @Column(name = "number", nullable = false, unique = true, length = 20)',
  '    private String number;',
  '',
  '    private long totalCents;',
  '',
  '    @Enumerated(EnumType.STRING)',
  '    private Status status = Status.DRAFT;',
  '',
  '    @ManyToOne',
  '    @JoinColumn(name = "customer_id")',
  '    private Customer customer;',
  '',
  '    @OneToMany(mappedBy = "invoice")',
  '    private List<InvoiceLine> lines = new ArrayList<>();',
  '',
  '    private static final long serialVersionUID = 1L;',
  '',
  '    public Invoice() {}',
  '',
  '    public Long getId() { return id; }',
  '',
  '    public enum Status { DRAFT, PAID }',
  '}',
  '',
  'class InvoiceView { private String number; }',
);

const KOTLIN = lines(
  '@Entity',
  '@Table(name = "warehouses")',
  'data class Warehouse(',
  '    @Id @GeneratedValue',
  '    val id: Long = 0,',
  '    @Column(unique = true)',
  '    val code: String,',
  '    var label: String? = null,',
  '    val kind: BinKind = BinKind.SHELF,',
  '    @OneToMany(mappedBy = "warehouse")',
  '    val bins: List<Bin> = emptyList(),',
  '    capacityHint: Int = 0,',
  ') {',
  '    var openedAt: Instant? = null',
  '    fun rename(to: String) { label = to }',
  '}',
  '',
  'enum class BinKind { SHELF, PALLET }',
);

const CSHARP = lines(
  'namespace Stock;',
  '',
  '[Table("warehouses")]',
  'public class Warehouse',
  '{',
  '    [Key]',
  '    public int Id { get; set; }',
  '    [Required, MaxLength(12)]',
  '    public string Code { get; set; } = "";',
  '    public string? Label { get; set; }',
  '    public DateTime OpenedAt { get; set; } = DateTime.UtcNow;',
  '    public BinKind Kind { get; set; }',
  '    public virtual ICollection<Bin> Bins { get; set; } = new List<Bin>();',
  '    public string Display => Code + Label;',
  '    public void Close() { }',
  '}',
  '',
  'public class Bin',
  '{',
  '    public int Id { get; set; }',
  '    public int WarehouseId { get; set; }',
  '    public Warehouse Warehouse { get; set; } = null!;',
  '}',
  '',
  'public class BinFilter { public string? Code { get; set; } }',
  '',
  'public enum BinKind { Shelf, Pallet = 2 }',
);

describe('entitiesFromCode: SQL', () => {
  it('delegates DDL to the SQL reader with document lines from the first code line', () => {
    const entities = entitiesFromCode('sql', SQL, 30);
    expect(entities).toEqual([
      {
        table: 'bookmarks',
        change: 'new-table',
        line: 30,
        columns: [
          { name: 'id', line: 31, type: 'uuid', nullable: false },
          { name: 'url', line: 32, type: 'text', nullable: false, unique: true },
          { name: 'folder_id', line: 33, type: 'uuid', references: 'folders.id' },
        ],
      },
    ]);
  });
});

describe('entitiesFromCode: Prisma', () => {
  const entities = entitiesFromCode('prisma', PRISMA, 10);

  it('reads models with @@map names, attributes, enums and defaults', () => {
    expect(tables(entities)).toEqual(['warehouses', 'Bin']);
    expect(byTable(entities, 'warehouses')).toEqual({
      table: 'warehouses',
      change: 'new-table',
      line: 10,
      columns: [
        { name: 'id', line: 11, type: 'String', nullable: false, default: 'uuid()' },
        { name: 'code', line: 12, type: 'String', nullable: false, unique: true },
        { name: 'label', line: 13, type: 'String', nullable: true },
        { name: 'status', line: 14, type: 'WarehouseStatus', nullable: false, default: 'OPEN', enum: ['OPEN', 'CLOSED'] },
        { name: 'createdAt', line: 16, type: 'DateTime', nullable: false, default: 'now()' },
      ],
    });
  });

  it('skips relation fields and points the foreign key at the related table', () => {
    const bin = byTable(entities, 'Bin');
    expect(columnNames(bin)).toEqual(['id', 'warehouseId', 'tags']);
    expect(bin?.columns[1]).toMatchObject({ references: 'warehouses.id', nullable: false });
    expect(bin?.columns[2]).toMatchObject({ type: 'String[]' });
  });
});

describe('entitiesFromCode: Mermaid', () => {
  it('reads erDiagram entities, keys and a single-partner foreign key', () => {
    const entities = entitiesFromCode('mermaid', MERMAID, 5);
    expect(entities).toEqual([
      {
        table: 'WAREHOUSE',
        change: 'new-table',
        line: 7,
        columns: [
          { name: 'id', line: 8, type: 'uuid', nullable: false },
          { name: 'code', line: 9, type: 'string', unique: true },
        ],
      },
      {
        table: 'BIN',
        change: 'new-table',
        line: 11,
        columns: [
          { name: 'id', line: 12, type: 'int', nullable: false },
          { name: 'warehouse_id', line: 13, type: 'uuid', references: 'WAREHOUSE' },
          { name: 'label', line: 14, type: 'varchar(40)' },
        ],
      },
    ]);
  });
});

describe('entitiesFromCode: Drizzle', () => {
  it('reads table names from the call, columns from the keys and chained modifiers', () => {
    const entities = entitiesFromCode('ts', DRIZZLE, 1);
    expect(tables(entities)).toEqual(['warehouses', 'bins']);
    expect(byTable(entities, 'warehouses')?.columns).toEqual([
      { name: 'id', line: 4, type: 'uuid', nullable: false },
      { name: 'code', line: 5, type: 'text', nullable: false, unique: true },
      { name: 'capacity', line: 6, type: 'integer', nullable: true, default: '100' },
    ]);
    expect(byTable(entities, 'bins')?.columns).toEqual([
      { name: 'id', line: 9, type: 'integer', nullable: false },
      { name: 'warehouseId', line: 10, type: 'uuid', nullable: false, references: 'warehouses.id' },
      { name: 'kind', line: 11, type: 'binKind', nullable: true, enum: ['shelf', 'pallet'] },
      { name: 'state', line: 12, type: 'text', nullable: true, enum: ['empty', 'full'] },
    ]);
  });
});

describe('entitiesFromCode: TypeScript', () => {
  const entities = entitiesFromCode('typescript', TS_INTERFACES, 100);

  it('reads interfaces and object types, skipping DTO names and literal-union aliases', () => {
    expect(tables(entities)).toEqual(['Invoice', 'InvoiceLine', 'Customer']);
  });

  it('skips relation fields and resolves enum aliases', () => {
    expect(byTable(entities, 'Invoice')).toEqual({
      table: 'Invoice',
      change: 'new-table',
      line: 100,
      columns: [
        { name: 'id', line: 101, type: 'string', nullable: false },
        { name: 'number', line: 102, type: 'string', nullable: false },
        { name: 'memo', line: 103, type: 'string', nullable: true },
        { name: 'status', line: 104, nullable: false, enum: ['draft', 'paid'] },
        { name: 'currency', line: 105, type: 'Currency', nullable: false, enum: ['EUR', 'USD'] },
      ],
    });
  });

  it('reads TypeORM entity classes from their decorators', () => {
    const typeorm = entitiesFromCode('ts', TYPEORM, 1);
    expect(typeorm).toEqual([
      {
        table: 'invoices',
        change: 'new-table',
        line: 2,
        columns: [
          // `@PrimaryGeneratedColumn('uuid')`: the decorator's type, not the property's `string`.
          { name: 'id', line: 3, type: 'uuid', nullable: false },
          { name: 'number', line: 4, type: 'string', nullable: false, unique: true },
          { name: 'memo', line: 5, type: 'string', nullable: true, default: 'n/a' },
        ],
      },
    ]);
  });
});

describe('entitiesFromCode: TypeORM column types', () => {
  it('takes the type the decorator states over the TypeScript type; a generation strategy is not a type', () => {
    const code = lines(
      "@Entity('post')",
      'export class PostEntity {',
      "  @PrimaryGeneratedColumn('increment') id: number;",
      "  @Column({ type: 'timestamp', default: () => 'CURRENT_TIMESTAMP' }) created: Date;",
      "  @Column('simple-array') tagList: string[];",
      "  @Column('varchar', { length: 80 }) title: string;",
      '  @Column() body: string;',
      '}',
    );
    const [post] = entitiesFromCode('ts', code, 1);
    expect(post.columns.map((column) => [column.name, column.type])).toEqual([
      ['id', 'number'],
      ['created', 'timestamp'],
      ['tagList', 'simple-array'],
      ['title', 'varchar'],
      ['body', 'string'],
    ]);
  });
});

describe('entitiesFromCode: Python', () => {
  it('reads SQLAlchemy declarative classes (Column, mapped_column, Mapped[]) and skips Pydantic models', () => {
    const entities = entitiesFromCode('python', SQLALCHEMY, 1);
    expect(tables(entities)).toEqual(['warehouses', 'bins']);
    expect(byTable(entities, 'warehouses')?.columns).toEqual([
      { name: 'id', line: 10, type: 'int', nullable: false },
      { name: 'code', line: 11, type: 'String', nullable: false, unique: true },
      { name: 'label', line: 12, type: 'str', nullable: true },
    ]);
    expect(byTable(entities, 'bins')?.columns).toEqual([
      { name: 'id', line: 17, type: 'Integer', nullable: false },
      { name: 'warehouse_id', line: 18, nullable: false, references: 'warehouses.id' },
      { name: 'kind', line: 19, type: 'Enum', enum: ['shelf', 'pallet'], default: 'BinKind.SHELF' },
      { name: 'note', line: 20, type: 'Text' },
    ]);
  });

  it('reads SQLModel tables and skips SQLModel classes without table=True', () => {
    const entities = entitiesFromCode('py', SQLMODEL, 40);
    expect(entities).toEqual([
      {
        table: 'invoices',
        change: 'new-table',
        line: 40,
        columns: [
          { name: 'id', line: 42, type: 'int', nullable: false },
          { name: 'number', line: 43, type: 'str', nullable: false, unique: true },
          { name: 'customer_id', line: 44, type: 'int', nullable: false, references: 'customers.id' },
          { name: 'memo', line: 45, type: 'str', nullable: true },
        ],
      },
    ]);
  });

  it('reads Django models: field classes, null=, choices, ForeignKey by attribute name, Meta.db_table', () => {
    const entities = entitiesFromCode('python', DJANGO, 1);
    expect(tables(entities)).toEqual(['billing_customers', 'Invoice']);
    expect(byTable(entities, 'Invoice')?.columns).toEqual([
      { name: 'number', line: 14, type: 'CharField', nullable: false, unique: true },
      { name: 'customer', line: 15, type: 'ForeignKey', nullable: false, references: 'billing_customers' },
      { name: 'status', line: 16, type: 'CharField', nullable: false, enum: ['draft', 'paid'], default: 'Status.DRAFT' },
      { name: 'paid_at', line: 17, type: 'DateTimeField', nullable: true },
    ]);
  });

  it('reads plain dataclasses and skips list-of-model fields', () => {
    const entities = entitiesFromCode('python', DATACLASSES, 1);
    expect(entities.map((entity) => [entity.table, entity.line, columnNames(entity)])).toEqual([
      ['Shipment', 2, ['tracking_code', 'weight_kg', 'delivered_at']],
      ['ShipmentItem', 9, ['sku']],
    ]);
    expect(entities[0].columns[1]).toEqual({ name: 'weight_kg', line: 4, type: 'float', default: '0.0' });
    expect(entities[0].columns[2]).toMatchObject({ type: 'datetime', nullable: true });
  });
});

describe('entitiesFromCode: Go', () => {
  const entities = entitiesFromCode('go', GO, 1);

  it('reads struct fields as written with gorm tags, TableName() and pointer nullability', () => {
    expect(byTable(entities, 'billing_invoices')).toEqual({
      table: 'billing_invoices',
      change: 'new-table',
      line: 3,
      columns: [
        { name: 'Number', line: 5, type: 'string', nullable: false, unique: true },
        { name: 'Memo', line: 6, type: 'string', nullable: true },
        { name: 'CustomerID', line: 7, type: 'uint', nullable: false },
        { name: 'Status', line: 10, type: 'string', default: 'draft' },
      ],
    });
  });

  it('keeps a gorm.Model-only struct with no columns and skips DTO structs', () => {
    expect(tables(entities)).toEqual(['billing_invoices', 'InvoiceLine', 'Customer']);
    expect(byTable(entities, 'Customer')?.columns).toEqual([]);
    expect(columnNames(byTable(entities, 'InvoiceLine'))).toEqual(['ID', 'InvoiceID']);
  });
});

describe('entitiesFromCode: Rust', () => {
  it('reads pub struct fields, Option<> nullability, table_name and skips Vec<Model>', () => {
    const entities = entitiesFromCode('rust', RUST, 1);
    expect(tables(entities)).toEqual(['warehouses', 'Bin']);
    expect(byTable(entities, 'warehouses')?.columns).toEqual([
      { name: 'id', line: 6, type: 'Uuid', nullable: false },
      { name: 'code', line: 7, type: 'String', nullable: false },
      { name: 'label', line: 8, type: 'String', nullable: true },
      { name: 'dims', line: 10, type: 'HashMap<String, i32>', nullable: false },
    ]);
    expect(byTable(entities, 'Bin')?.columns[0]).toEqual({ name: 'id', line: 16, type: 'i64', nullable: false });
  });
});

describe('entitiesFromCode: Java, Kotlin, C#', () => {
  it('reads JPA @Entity classes: @Table, @Column, primitives, enums; skips relations, statics and methods', () => {
    const entities = entitiesFromCode('java', JAVA, 1);
    expect(entities).toEqual([
      {
        table: 'invoices',
        change: 'new-table',
        line: 6,
        model: 'Invoice',
        columns: [
          { name: 'id', line: 10, type: 'Long', nullable: false },
          { name: 'number', line: 13, type: 'String', nullable: false, unique: true },
          { name: 'totalCents', line: 15, type: 'long', nullable: false },
          { name: 'status', line: 18, type: 'Status', enum: ['DRAFT', 'PAID'], default: 'Status.DRAFT' },
        ],
      },
    ]);
  });

  it('reads Kotlin constructor and body properties with `?` nullability', () => {
    const entities = entitiesFromCode('kotlin', KOTLIN, 1);
    expect(entities).toEqual([
      {
        table: 'warehouses',
        change: 'new-table',
        line: 2,
        model: 'Warehouse',
        columns: [
          { name: 'id', line: 5, type: 'Long', nullable: false, default: '0' },
          { name: 'code', line: 7, type: 'String', nullable: false, unique: true },
          { name: 'label', line: 8, type: 'String', nullable: true },
          { name: 'kind', line: 9, type: 'BinKind', nullable: false, enum: ['SHELF', 'PALLET'], default: 'BinKind.SHELF' },
          { name: 'openedAt', line: 14, type: 'Instant', nullable: true },
        ],
      },
    ]);
  });

  it('reads C# properties, skipping navigation, computed and DTO members', () => {
    const entities = entitiesFromCode('csharp', CSHARP, 1);
    expect(tables(entities)).toEqual(['warehouses', 'Bin']);
    expect(byTable(entities, 'warehouses')?.columns).toEqual([
      { name: 'Id', line: 7, type: 'int', nullable: false },
      { name: 'Code', line: 9, type: 'string', nullable: false, default: '' },
      { name: 'Label', line: 10, type: 'string', nullable: true },
      { name: 'OpenedAt', line: 11, type: 'DateTime', nullable: false, default: 'DateTime.UtcNow' },
      { name: 'Kind', line: 12, type: 'BinKind', nullable: false, enum: ['Shelf', 'Pallet'] },
    ]);
    expect(columnNames(byTable(entities, 'Bin'))).toEqual(['Id', 'WarehouseId']);
  });
});

describe('entitiesFromCode: choosing a reader', () => {
  it.each([
    ['SQL', SQL, 'bookmarks'],
    ['Prisma', PRISMA, 'warehouses'],
    ['Mermaid', MERMAID, 'WAREHOUSE'],
    ['Drizzle', DRIZZLE, 'warehouses'],
    ['Go', GO, 'billing_invoices'],
    ['C#', CSHARP, 'warehouses'],
    ['Rust', RUST, 'warehouses'],
    ['Python', SQLALCHEMY, 'warehouses'],
    ['Kotlin', KOTLIN, 'warehouses'],
    ['Java', JAVA, 'invoices'],
    ['TypeScript', TS_INTERFACES, 'Invoice'],
  ])('detects %s by content when the fence has no language', (_name, code, table) => {
    expect(tables(entitiesFromCode('', code, 1))[0]).toBe(table);
  });

  it('takes the first word of the info string and ignores languages that hold no models', () => {
    expect(tables(entitiesFromCode('ts title="billing.ts"', TS_INTERFACES, 1))).toContain('Invoice');
    expect(entitiesFromCode('json', '{ "model": "Warehouse" }', 1)).toEqual([]);
    expect(entitiesFromCode('yaml', PRISMA, 1)).toEqual([]);
    expect(entitiesFromCode('', 'Warehouses hold bins; each bin has a code.', 1)).toEqual([]);
    expect(entitiesFromCode('python', 'class Broken(Base:\n    id = Column(', 1)).toEqual([]);
  });

  it('never invents a name: every table and column appears in the code', () => {
    for (const [lang, code] of [
      ['sql', SQL], ['prisma', PRISMA], ['mermaid', MERMAID], ['ts', DRIZZLE], ['ts', TS_INTERFACES], ['ts', TYPEORM], ['python', SQLALCHEMY],
      ['python', SQLMODEL], ['python', DJANGO], ['python', DATACLASSES], ['go', GO], ['rust', RUST], ['java', JAVA], ['kotlin', KOTLIN], ['cs', CSHARP],
    ]) {
      const entities = entitiesFromCode(lang, code, 1);
      expect(entities.length, lang).toBeGreaterThan(0);
      for (const entity of entities) {
        expect(code, `${lang} table`).toMatch(new RegExp(`\\b${entity.table}\\b`));
        for (const column of entity.columns) expect(code, `${lang} ${entity.table}.${column.name}`).toMatch(new RegExp(`\\b${column.name}\\b`));
      }
    }
  });
});

describe('isDtoName', () => {
  it.each(['BookmarkRequest', 'InvoiceResponse', 'WarehouseDTO', 'BinDto', 'InvoiceInput', 'ShipPayload', 'ListParams', 'InvoiceCreate', 'InvoiceUpdate', 'InvoiceRead', 'BinSchema', 'InvoiceFilter', 'QueryArgs', 'InvoicePaidEvent'])(
    '%s looks like a DTO',
    (name) => expect(isDtoName(name)).toBe(true),
  );

  it.each(['Invoice', 'Warehouse', 'Thread', 'Bookmark'])('%s does not', (name) => expect(isDtoName(name)).toBe(false));
});

describe('classes that are not tables', () => {
  it('an exception class beside an @Entity is no table, and the table is cited at its @Table line', () => {
    const code = lines(
      '@Entity',
      '@Table(name = "app_user")',
      'public class AppUser {',
      '    @Id',
      '    private UUID id;',
      '    private String login;',
      '}',
    );
    const entities = entitiesFromCode('java', code, 10);
    expect(entities.map((entity) => [entity.table, entity.model, entity.line])).toEqual([['app_user', 'AppUser', 11]]);
    // A fence of its own, with no @Entity beside it to mark the tables.
    const exception = lines('public class AppUserException extends RuntimeException {', '    private final String errorCode;', '    private final Object[] args;', '}');
    expect(entitiesFromCode('java', exception, 30)).toEqual([]);
  });
});

describe('Laravel schema builder (a migration in a php fence, or the repository’s migrations)', () => {
  const MIGRATION = lines(
    '<?php',
    "Schema::create('loans', function (Blueprint $table) {",
    '    $table->id();',
    "    $table->foreignUuid('user_id')->constrained();",
    "    $table->foreignIdFor(Book::class);",
    "    $table->string('note', 500)->nullable();",
    "    $table->enum('status', ['open', 'returned']);",
    "    $table->decimal('fee', 8, 2);",
    '    $table->timestamps();',
    '});',
    "Schema::table('books', function (Blueprint $table) {",
    "    $table->string('isbn')->unique();",
    '});',
  );

  it('reads each table, its key, typed columns, references and the columns an alter adds', () => {
    const entities = entitiesFromCode('php', MIGRATION, 10);
    expect(entities.map((entity) => [entity.table, entity.change, entity.line])).toEqual([['loans', 'new-table', 11], ['books', 'alter-table', 20]]);
    expect(byTable(entities, 'loans')?.columns.map((column) => [column.name, column.type ?? column.enum?.join('|'), column.references ?? '', Boolean(column.nullable), column.line])).toEqual([
      ['id', 'bigint', '', false, 12],
      ['user_id', 'uuid', 'users', false, 13],
      ['book_id', 'bigint', 'books', false, 14],
      ['note', 'varchar(500)', '', true, 15],
      ['status', 'open|returned', '', false, 16],
      ['fee', 'numeric(8,2)', '', false, 17],
      ['created_at', 'timestamp', '', true, 18],
      ['updated_at', 'timestamp', '', true, 18],
    ]);
    expect(byTable(entities, 'books')?.columns).toEqual([{ name: 'isbn', type: 'varchar(255)', unique: true, line: 21 }]);
  });
});
