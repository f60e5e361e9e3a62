// Real REST resource names (collection → item), written for the naming kit's
// tests: common API nouns, irregular and Latin/Greek plurals, uncountables,
// compounds in every casing, and words in other languages.

/** English collections and their singular, as an API designer would name the schema. */
export const ENGLISH: ReadonlyArray<readonly [string, string]> = [
  // irregular and classical
  ['people', 'person'], ['children', 'child'], ['men', 'man'], ['women', 'woman'], ['feet', 'foot'], ['teeth', 'tooth'],
  ['geese', 'goose'], ['mice', 'mouse'], ['oxen', 'ox'], ['statuses', 'status'], ['analyses', 'analysis'], ['indices', 'index'],
  ['indexes', 'index'], ['matrices', 'matrix'], ['vertices', 'vertex'], ['appendices', 'appendix'], ['crises', 'crisis'],
  ['theses', 'thesis'], ['hypotheses', 'hypothesis'], ['diagnoses', 'diagnosis'], ['criteria', 'criterion'],
  ['phenomena', 'phenomenon'], ['cacti', 'cactus'], ['radii', 'radius'], ['foci', 'focus'], ['viruses', 'virus'],
  ['campuses', 'campus'], ['bonuses', 'bonus'], ['corpora', 'corpus'], ['schemas', 'schema'],
  ['caches', 'cache'], ['canvases', 'canvas'], ['aliases', 'alias'], ['axes', 'axe'],
  // uncountable: the singular is the word itself
  ['media', 'media'], ['data', 'data'], ['metadata', 'metadata'], ['series', 'series'], ['news', 'news'],
  ['species', 'species'], ['sheep', 'sheep'], ['fish', 'fish'], ['deer', 'deer'], ['equipment', 'equipment'],
  ['information', 'information'], ['feedback', 'feedback'], ['analytics', 'analytics'], ['sms', 'sms'], ['software', 'software'],
  ['firmware', 'firmware'], ['middleware', 'middleware'], ['audio', 'audio'], ['traffic', 'traffic'],
  // -ies / -ys
  ['movies', 'movie'], ['categories', 'category'], ['histories', 'history'], ['inventories', 'inventory'], ['stories', 'story'],
  ['entries', 'entry'], ['replies', 'reply'], ['properties', 'property'], ['policies', 'policy'], ['companies', 'company'],
  ['currencies', 'currency'], ['countries', 'country'], ['cities', 'city'], ['activities', 'activity'], ['deliveries', 'delivery'],
  ['queries', 'query'], ['libraries', 'library'], ['galleries', 'gallery'], ['batteries', 'battery'], ['factories', 'factory'],
  ['identities', 'identity'], ['entities', 'entity'], ['capabilities', 'capability'], ['vulnerabilities', 'vulnerability'],
  ['dependencies', 'dependency'], ['subsidiaries', 'subsidiary'], ['summaries', 'summary'], ['territories', 'territory'],
  ['cookies', 'cookie'], ['zombies', 'zombie'], ['calories', 'calorie'], ['pies', 'pie'], ['ties', 'tie'], ['lies', 'lie'],
  ['keys', 'key'], ['days', 'day'], ['ways', 'way'], ['toys', 'toy'], ['journeys', 'journey'], ['surveys', 'survey'],
  ['delays', 'delay'], ['holidays', 'holiday'], ['gateways', 'gateway'], ['relays', 'relay'], ['attorneys', 'attorney'],
  ['monkeys', 'monkey'], ['displays', 'display'], ['birthdays', 'birthday'], ['payways', 'payway'],
  // -ses / -xes / -ches / -shes / -zes
  ['purchases', 'purchase'], ['addresses', 'address'], ['boxes', 'box'], ['buses', 'bus'], ['quizzes', 'quiz'],
  ['classes', 'class'], ['businesses', 'business'], ['processes', 'process'], ['accesses', 'access'], ['glasses', 'glass'],
  ['taxes', 'tax'], ['faxes', 'fax'], ['inboxes', 'inbox'], ['mailboxes', 'mailbox'], ['sandboxes', 'sandbox'],
  ['matches', 'match'], ['batches', 'batch'], ['branches', 'branch'], ['searches', 'search'], ['patches', 'patch'],
  ['watches', 'watch'], ['switches', 'switch'], ['pitches', 'pitch'], ['coaches', 'coach'], ['churches', 'church'],
  ['dishes', 'dish'], ['wishes', 'wish'], ['crashes', 'crash'], ['hashes', 'hash'], ['pushes', 'push'], ['flashes', 'flash'],
  ['buzzes', 'buzz'], ['waltzes', 'waltz'], ['kisses', 'kiss'], ['losses', 'loss'], ['passes', 'pass'], ['bosses', 'boss'],
  ['courses', 'course'], ['licenses', 'license'], ['responses', 'response'], ['databases', 'database'], ['releases', 'release'],
  ['cases', 'case'], ['phases', 'phase'], ['expenses', 'expense'], ['houses', 'house'], ['warehouses', 'warehouse'],
  ['nurses', 'nurse'], ['purposes', 'purpose'], ['clauses', 'clause'], ['pauses', 'pause'], ['causes', 'cause'],
  ['uses', 'use'], ['excuses', 'excuse'], ['promises', 'promise'], ['premises', 'premise'], ['exercises', 'exercise'],
  ['enterprises', 'enterprise'], ['franchises', 'franchise'], ['increases', 'increase'], ['leases', 'lease'],
  ['invoices', 'invoice'], ['prices', 'price'], ['devices', 'device'], ['services', 'service'], ['spaces', 'space'],
  ['places', 'place'], ['resources', 'resource'], ['sources', 'source'], ['choices', 'choice'], ['voices', 'voice'],
  ['balances', 'balance'], ['instances', 'instance'], ['preferences', 'preference'], ['references', 'reference'],
  ['sequences', 'sequence'], ['sentences', 'sentence'], ['experiences', 'experience'], ['allowances', 'allowance'],
  ['pages', 'page'], ['images', 'image'], ['messages', 'message'], ['packages', 'package'], ['languages', 'language'],
  ['charges', 'charge'], ['exchanges', 'exchange'], ['challenges', 'challenge'], ['badges', 'badge'], ['edges', 'edge'],
  ['bridges', 'bridge'], ['ranges', 'range'], ['stages', 'stage'], ['usages', 'usage'], ['mortgages', 'mortgage'],
  // -ves
  ['leaves', 'leaf'], ['wolves', 'wolf'], ['knives', 'knife'], ['lives', 'life'], ['wives', 'wife'], ['halves', 'half'],
  ['shelves', 'shelf'], ['archives', 'archive'], ['moves', 'move'], ['drives', 'drive'], ['curves', 'curve'],
  ['reserves', 'reserve'], ['objectives', 'objective'], ['incentives', 'incentive'], ['representatives', 'representative'],
  ['directives', 'directive'], ['initiatives', 'initiative'], ['alternatives', 'alternative'], ['loaves', 'loaf'],
  ['thieves', 'thief'], ['calves', 'calf'], ['selves', 'self'], ['proofs', 'proof'], ['roofs', 'roof'], ['chiefs', 'chief'],
  ['beliefs', 'belief'], ['cliffs', 'cliff'], ['tariffs', 'tariff'], ['diffs', 'diff'], ['handoffs', 'handoff'],
  // -oes / -os
  ['heroes', 'hero'], ['potatoes', 'potato'], ['tomatoes', 'tomato'], ['echoes', 'echo'], ['vetoes', 'veto'],
  ['photos', 'photo'], ['videos', 'video'], ['radios', 'radio'], ['zoos', 'zoo'], ['logos', 'logo'], ['memos', 'memo'],
  ['demos', 'demo'], ['repos', 'repo'], ['portfolios', 'portfolio'], ['scenarios', 'scenario'], ['studios', 'studio'],
  ['ratios', 'ratio'], ['todos', 'todo'], ['promos', 'promo'], ['tacos', 'taco'], ['avocados', 'avocado'],
  // regular API nouns
  ['users', 'user'], ['orders', 'order'], ['refunds', 'refund'], ['webhooks', 'webhook'], ['wishlists', 'wishlist'],
  ['accounts', 'account'], ['payments', 'payment'], ['customers', 'customer'], ['products', 'product'], ['items', 'item'],
  ['carts', 'cart'], ['sessions', 'session'], ['tokens', 'token'], ['comments', 'comment'], ['posts', 'post'],
  ['articles', 'article'], ['events', 'event'], ['notifications', 'notification'], ['subscriptions', 'subscription'],
  ['plans', 'plan'], ['invitations', 'invitation'], ['members', 'member'], ['teams', 'team'], ['projects', 'project'],
  ['tasks', 'task'], ['tickets', 'ticket'], ['messages', 'message'], ['channels', 'channel'], ['files', 'file'],
  ['uploads', 'upload'], ['attachments', 'attachment'], ['documents', 'document'], ['reports', 'report'], ['jobs', 'job'],
  ['schedules', 'schedule'], ['reservations', 'reservation'], ['bookings', 'booking'], ['shipments', 'shipment'],
  ['payouts', 'payout'], ['transfers', 'transfer'], ['transactions', 'transaction'], ['coupons', 'coupon'],
  ['discounts', 'discount'], ['reviews', 'review'], ['ratings', 'rating'], ['bookmarks', 'bookmark'], ['notes', 'note'],
  ['tags', 'tag'], ['labels', 'label'], ['roles', 'role'], ['permissions', 'permission'], ['groups', 'group'],
  ['organizations', 'organization'], ['workspaces', 'workspace'], ['environments', 'environment'], ['deployments', 'deployment'],
  ['builds', 'build'], ['commits', 'commit'], ['issues', 'issue'], ['milestones', 'milestone'], ['releases', 'release'],
  ['settings', 'setting'], ['stats', 'stat'], ['metrics', 'metric'], ['logs', 'log'], ['alerts', 'alert'],
  ['incidents', 'incident'], ['exports', 'export'], ['imports', 'import'], ['templates', 'template'], ['themes', 'theme'],
  ['vehicles', 'vehicle'], ['drivers', 'driver'], ['routes', 'route'], ['stops', 'stop'], ['trips', 'trip'],
  ['flights', 'flight'], ['passengers', 'passenger'], ['seats', 'seat'], ['tickets', 'ticket'], ['hotels', 'hotel'],
  ['rooms', 'room'], ['guests', 'guest'], ['doctors', 'doctor'], ['patients', 'patient'], ['appointments', 'appointment'],
  ['prescriptions', 'prescription'], ['students', 'student'], ['teachers', 'teacher'], ['lessons', 'lesson'],
  ['grades', 'grade'], ['exams', 'exam'], ['questions', 'question'], ['answers', 'answer'], ['polls', 'poll'],
  ['votes', 'vote'], ['likes', 'like'], ['follows', 'follow'], ['friends', 'friend'], ['chats', 'chat'],
  ['ids', 'id'], ['faqs', 'faq'], ['apis', 'api'], ['urls', 'url'], ['skus', 'sku'], ['pdfs', 'pdf'],
  ['gift-cards', 'gift-card'], ['gift_cards', 'gift_card'], ['giftCards', 'giftCard'], ['GiftCards', 'GiftCard'],
  ['order-items', 'order-item'], ['cart_items', 'cart_item'], ['api-keys', 'api-key'], ['line_items', 'line_item'],
  ['sales-people', 'sales-person'], ['user_addresses', 'user_address'], ['tax_categories', 'tax_category'],
  ['OrderStatuses', 'OrderStatus'], ['userIDs', 'userID'], ['ORDERS', 'ORDER'], ['Movies', 'Movie'], ['Purchases', 'Purchase'],
];

/** Words pluralize cannot know: they keep their spelling, whatever they look like. */
export const UNCHANGED: readonly string[] = [
  // Spanish / Portuguese plurals English would cut wrongly
  'solicitudes', 'canciones', 'direcciones', 'notificaciones', 'transacciones', 'suscripciones', 'sesiones', 'ciudades',
  'actividades', 'novedades', 'propiedades', 'comunidades', 'unidades',
  // non-ASCII
  'categorías', 'données', 'pedidos_ñ', 'ações', 'usuários', 'çalışanlar', 'пользователи', 'заказы', '注文', '订单', 'ユーザー',
  'bestellungen_ü', 'straßen', 'αρχεία',
];

/** Romance plurals that end like English ones keep an English-looking, and correct, singular. */
export const ROMANCE_REGULAR: ReadonlyArray<readonly [string, string]> = [
  ['usuarios', 'usuario'], ['pedidos', 'pedido'], ['productos', 'producto'], ['facturas', 'factura'], ['clientes', 'cliente'],
  ['tarefas', 'tarefa'], ['ordini', 'ordini'],
];
